// One request budget per API key, shared by every caller (sync, outbox, views), so the app
// never sends more than `limit` requests in any `windowMs` window — the server counts
// them when they arrive, which is some time after we send them. A slot is therefore held
// from the moment a request is sent until `windowMs` after its answer came back: for any
// window on the server's clock, every request it received there held a slot at the same
// instant on ours, so there were never more than `limit` of them.
// Waiting callers are served by priority (user actions first), then in arrival order.
// A 429 pauses the key for what the server asked, up to a cap; after a pause one request
// probes before the rest follow, and whoever shows the user a countdown is told of pauses.
import { CancelledError } from './errors'
import { RETRY_AFTER_CAP_MS } from './retry-policy'

export type Priority = 'user' | 'sync' | 'background'
const RANK: Record<Priority, number> = { user: 0, sync: 1, background: 2 }

export interface RateBudgetOptions {
  limit: number
  windowMs: number
  /** Longest one pause (or a server's far-off reset) keeps the key silent before a probe. */
  maxPauseMs?: number
  now?: () => number
}

export interface Slot {
  /** Call once the answer (or the failure) is in. */
  release(): void
}

/** What a client needs of a budget: RateBudget, or a thread's link to one (sync/thread). */
export interface Budget {
  readonly limit: number
  readonly windowMs: number
  /** Waits for a slot. Rejects with CancelledError if `signal` aborts first. */
  acquire(priority?: Priority, signal?: AbortSignal): Promise<Slot>
  /** The server asked us to wait (429): nobody sends on this key until then. */
  pauseFor(ms: number): void
  /** Takes in the rate-limit headers of an answer: how many requests the server still allows. */
  observe(remaining: number | undefined, resetAt: number | undefined): void
  /** Rejects every waiter and stops timers (account removed, app quitting). */
  dispose(): void
  /**
   * Told when a 429 pauses the key (with when sending resumes, epoch ms) and when the pause
   * is over (null). Only the core's own budget has it; a thread's link relays to that one.
   */
  onPause?(listener: (until: number | null) => void): () => void
  /** When sending resumes after a 429 (epoch ms), null when not paused (the core's budget only). */
  readonly pausedUntil?: number | null
}

interface Held {
  doneAt: number | undefined
}

interface Waiter {
  rank: number
  seq: number
  grant: (slot: Slot) => void
  reject: (error: Error) => void
  detach: () => void
}

export class RateBudget implements Budget {
  readonly limit: number
  readonly windowMs: number
  readonly #now: () => number
  readonly #maxPauseMs: number
  readonly #pauseListeners = new Set<(until: number | null) => void>()
  #pauseEndTimer: NodeJS.Timeout | undefined
  #held = new Set<Held>()
  #waiters: Waiter[] = []
  #seq = 0
  #timer: NodeJS.Timeout | undefined
  #pausedUntil = 0
  /** What the server last said is left for this key (X-RateLimit-Remaining), less what we sent since. */
  #serverRemaining: number | undefined
  #serverResetAt: number | undefined
  /** Until the first answer tells us the server's count, send one request at a time. */
  #calibrated = false

  constructor({ limit, windowMs, maxPauseMs = RETRY_AFTER_CAP_MS, now = Date.now }: RateBudgetOptions) {
    if (!(limit >= 1) || !(windowMs > 0)) throw new RangeError('A rate budget needs limit ≥ 1 and windowMs > 0')
    this.limit = limit
    this.windowMs = windowMs
    this.#maxPauseMs = maxPauseMs
    this.#now = now
  }

  /** Waits for a slot. Rejects with CancelledError if `signal` aborts first. */
  acquire(priority: Priority = 'sync', signal?: AbortSignal): Promise<Slot> {
    if (signal?.aborted) return Promise.reject(new CancelledError())
    return new Promise<Slot>((resolve, reject) => {
      const onAbort = (): void => {
        this.#waiters = this.#waiters.filter((w) => w !== waiter)
        reject(new CancelledError())
        this.#pump()
      }
      const waiter: Waiter = {
        rank: RANK[priority],
        seq: this.#seq++,
        grant: resolve,
        reject,
        detach: () => signal?.removeEventListener('abort', onAbort),
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      this.#waiters.push(waiter)
      this.#waiters.sort((a, b) => a.rank - b.rank || a.seq - b.seq)
      this.#pump()
    })
  }

  /** The server asked us to wait (429): nobody sends on this key until then (at most the cap). */
  pauseFor(ms: number): void {
    const now = this.#now()
    const wait = Math.min(Math.max(0, Number.isFinite(ms) ? ms : this.#maxPauseMs), this.#maxPauseMs)
    this.#pausedUntil = Math.max(this.#pausedUntil, now + wait)
    this.#serverRemaining = undefined
    // After the pause one request probes; the others follow once its answer is in.
    this.#calibrated = false
    this.#announcePause(now)
    this.#pump()
  }

  /** When sending resumes after a 429 (epoch ms), or null when the key is not paused. */
  get pausedUntil(): number | null {
    return this.#pausedUntil > this.#now() ? this.#pausedUntil : null
  }

  onPause(listener: (until: number | null) => void): () => void {
    this.#pauseListeners.add(listener)
    return () => this.#pauseListeners.delete(listener)
  }

  #announcePause(now: number): void {
    clearTimeout(this.#pauseEndTimer)
    const until = this.#pausedUntil
    for (const listener of this.#pauseListeners) listener(until)
    // Told again when it is over, so a countdown does not linger at zero.
    this.#pauseEndTimer = setTimeout(() => {
      this.#pauseEndTimer = undefined
      for (const listener of this.#pauseListeners) listener(null)
    }, until - now)
    this.#pauseEndTimer.unref?.()
  }

  /** Takes in the rate-limit headers of an answer: how many requests the server still allows. */
  observe(remaining: number | undefined, resetAt: number | undefined): void {
    this.#calibrated = true
    if (remaining !== undefined) {
      // Requests still in flight were sent after this answer's count was taken.
      const inFlight = [...this.#held].filter((h) => h.doneAt === undefined).length
      this.#serverRemaining = Math.max(0, remaining - inFlight)
      // A reset announced far off is waited for up to the cap, then probed like a 429.
      this.#serverResetAt = resetAt === undefined ? undefined : Math.min(resetAt, this.#now() + this.#maxPauseMs)
    }
    this.#pump()
  }

  /** Requests counted against the window right now (in flight or answered within it). */
  get used(): number {
    this.#prune(this.#now())
    return this.#held.size
  }

  get waiting(): number {
    return this.#waiters.length
  }

  /** Rejects every waiter and stops timers (account removed, app quitting). */
  dispose(): void {
    clearTimeout(this.#timer)
    clearTimeout(this.#pauseEndTimer)
    this.#pauseListeners.clear()
    const waiters = this.#waiters
    this.#waiters = []
    for (const w of waiters) {
      w.detach()
      w.reject(new CancelledError())
    }
  }

  #prune(now: number): void {
    for (const h of this.#held) {
      if (h.doneAt === undefined || h.doneAt + this.windowMs > now) continue
      this.#held.delete(h)
      // It has left the server's window too, so the server's count of what is left grew by one.
      if (this.#serverRemaining !== undefined) this.#serverRemaining++
    }
  }

  /** When the next slot may be granted; undefined means "when something is released". */
  #nextOpening(now: number): number | undefined {
    let at = Math.max(now, this.#pausedUntil)
    const inFlight = [...this.#held].filter((h) => h.doneAt === undefined).length
    if (!this.#calibrated && inFlight > 0) return undefined
    if (this.#held.size >= this.limit) {
      let earliest = Infinity
      for (const h of this.#held) if (h.doneAt !== undefined) earliest = Math.min(earliest, h.doneAt + this.windowMs)
      return earliest === Infinity ? undefined : Math.max(at, earliest)
    }
    if (this.#serverRemaining !== undefined && this.#serverRemaining <= 0) {
      // The server counts more than we sent (another app on the same key): wait for its
      // reset, or a short while before probing.
      at = Math.max(at, this.#serverResetAt ?? now + this.windowMs / this.limit)
    }
    return at
  }

  #pump(): void {
    clearTimeout(this.#timer)
    this.#timer = undefined
    while (this.#waiters.length > 0) {
      const now = this.#now()
      this.#prune(now)
      const opening = this.#nextOpening(now)
      if (opening === undefined) return
      if (opening > now) {
        if (this.#serverRemaining !== undefined && this.#serverRemaining <= 0 && opening > this.#pausedUntil) {
          // After the wait, probe again rather than trusting the stale count.
          this.#timer = setTimeout(() => {
            this.#serverRemaining = undefined
            this.#pump()
          }, opening - now)
        } else {
          this.#timer = setTimeout(() => this.#pump(), opening - now)
        }
        return
      }
      const waiter = this.#waiters.shift()!
      waiter.detach()
      if (this.#serverRemaining !== undefined) this.#serverRemaining -= 1
      const held: Held = { doneAt: undefined }
      this.#held.add(held)
      waiter.grant({
        release: () => {
          if (held.doneAt !== undefined) return
          held.doneAt = this.#now()
          this.#pump()
        },
      })
    }
  }
}
