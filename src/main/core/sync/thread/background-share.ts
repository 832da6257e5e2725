// How much of the rate window a sync thread's background requests (a first sync, a refresh,
// a full pass) may take: all but a few slots, so a poll that falls due — or the user's own
// action — finds one free at once. Without it, a long run spent the whole window in its
// first burst and a new message waited up to a window (60 s) for its poll. Counted as the
// budget counts: a slot is held from its grant until a window after its answer.
import { CancelledError } from '../../skylight'

interface Held {
  doneAt: number | undefined
}

/** Slots left free in every window: enough for a poll's first requests. */
export function reservedSlots(limit: number): number {
  return Math.min(4, Math.floor(limit / 10))
}

export class BackgroundShare {
  readonly #most: number
  readonly #windowMs: number
  readonly #held = new Set<Held>()
  #waiting: { resolve(held: Held): void; reject(error: Error): void }[] = []
  #timer: NodeJS.Timeout | undefined

  constructor(limit: number, windowMs: number) {
    this.#most = Math.max(1, limit - reservedSlots(limit))
    this.#windowMs = windowMs
  }

  /** Waits for room, then counts a slot; call the returned function once its answer is in. */
  async take(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) throw new CancelledError()
    this.#prune()
    const held =
      this.#held.size < this.#most && this.#waiting.length === 0
        ? this.#count()
        : await new Promise<Held>((resolve, reject) => {
            const onAbort = (): void => {
              this.#waiting = this.#waiting.filter((w) => w !== waiter)
              reject(new CancelledError())
            }
            const waiter = {
              resolve: (granted: Held) => {
                signal?.removeEventListener('abort', onAbort)
                resolve(granted)
              },
              reject,
            }
            signal?.addEventListener('abort', onAbort, { once: true })
            this.#waiting.push(waiter)
            // Sets the timer for when the oldest slot leaves the window.
            this.#pump()
          })
    return () => {
      if (held.doneAt !== undefined) return
      held.doneAt = Date.now()
      this.#pump()
    }
  }

  dispose(): void {
    clearTimeout(this.#timer)
    for (const waiter of this.#waiting.splice(0)) waiter.reject(new CancelledError())
  }

  #prune(): void {
    const now = Date.now()
    for (const h of this.#held) if (h.doneAt !== undefined && h.doneAt + this.#windowMs <= now) this.#held.delete(h)
  }

  #count(): Held {
    const held: Held = { doneAt: undefined }
    this.#held.add(held)
    return held
  }

  #pump(): void {
    clearTimeout(this.#timer)
    this.#prune()
    while (this.#waiting.length > 0 && this.#held.size < this.#most) this.#waiting.shift()!.resolve(this.#count())
    if (this.#waiting.length === 0) return
    let earliest = Infinity
    for (const h of this.#held) if (h.doneAt !== undefined) earliest = Math.min(earliest, h.doneAt + this.#windowMs)
    if (earliest !== Infinity) this.#timer = setTimeout(() => this.#pump(), Math.max(0, earliest - Date.now()))
  }
}
