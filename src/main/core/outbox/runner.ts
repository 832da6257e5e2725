// Decides what runs when: one action at a time per lane (the entity it is about), oldest
// first; lanes in parallel up to a limit (the client's rate budget paces the requests);
// an action naming an entity that still has only a local id waits for it; retries wait
// their backoff. A rejected key pauses everything until it is replaced. An action whose
// attempt met a full disk waits a while, even if the disk refused to record that.
import { refsOf } from './payload'
import { activeActions, recoverInFlight, type ActionRow } from './queue-store'
import type { StoreDb } from '../store'
import type { AttemptOutcome } from './attempt'

export interface RunnerOptions {
  db: StoreDb
  concurrency: () => number
  now: () => number
  run(row: ActionRow): Promise<AttemptOutcome>
  /** How long an action whose attempt met a full disk is left alone. */
  diskFullRetryMs: () => number
  onKeyRejected(): void
  onError(error: unknown): void
}

export class Runner {
  readonly #o: RunnerOptions
  readonly #running = new Map<number, Promise<void>>()
  /** Actions that met a full disk, and when to try them again (their row may still say in flight). */
  readonly #held = new Map<number, number>()
  #started = false
  #stopped = false
  #paused = false
  #timer: NodeJS.Timeout | undefined

  constructor(options: RunnerOptions) {
    this.#o = options
  }

  get paused(): boolean {
    return this.#paused
  }

  /** Crash recovery first: whatever was in flight is reconciled before anything is resent. */
  start(): void {
    if (this.#started || this.#stopped) return
    this.#started = true
    recoverInFlight(this.#o.db, this.#o.now())
    this.pump()
  }

  pause(): void {
    this.#paused = true
    clearTimeout(this.#timer)
  }

  resume(): void {
    this.#paused = false
    this.pump()
  }

  async stop(): Promise<void> {
    this.#stopped = true
    clearTimeout(this.#timer)
    await Promise.allSettled([...this.#running.values()])
  }

  /** Starts whatever may run now and sets a timer for the next action that waits its turn. */
  pump(): void {
    if (!this.#started || this.#stopped || this.#paused) return
    clearTimeout(this.#timer)
    const now = this.#o.now()
    const heads = new Map<string, ActionRow>()
    for (const row of activeActions(this.#o.db)) if (!heads.has(row.lane)) heads.set(row.lane, row)
    let wake = Infinity
    for (const row of heads.values()) {
      if (this.#running.size >= this.#o.concurrency()) break
      if (this.#running.has(row.id)) continue
      const heldUntil = this.#held.get(row.id)
      if (heldUntil !== undefined && heldUntil > now) {
        wake = Math.min(wake, heldUntil)
        continue
      }
      this.#held.delete(row.id)
      // The full disk kept even its return to the queue from being written: it may have
      // acted, so it is looked for first.
      if (heldUntil !== undefined && row.state === 'in-flight') {
        this.#launch({ ...row, state: 'queued', needsReconcile: true })
        continue
      }
      if (row.state !== 'queued') continue
      // Waits for the entity it names to be created on the server (its id is rewritten then).
      if (refsOf(row.payload).some((ref) => ref.id < 0)) continue
      if (row.nextAttemptAt > now) {
        wake = Math.min(wake, row.nextAttemptAt)
        continue
      }
      this.#launch(row)
    }
    if (wake < Infinity) this.#timer = setTimeout(() => this.pump(), Math.max(0, wake - now))
  }

  /** Actions being carried out right now. */
  get running(): number {
    return this.#running.size
  }

  #launch(row: ActionRow): void {
    const job = this.#o
      .run(row)
      .then((outcome) => {
        if (outcome === 'disk-full') this.#held.set(row.id, this.#o.now() + this.#o.diskFullRetryMs())
        if (outcome === 'key-rejected' && !this.#paused) {
          this.pause()
          this.#o.onKeyRejected()
        }
      })
      .catch((error: unknown) => this.#o.onError(new Error(`Outbox action ${row.id} crashed the runner`, { cause: error })))
      .finally(() => {
        this.#running.delete(row.id)
        this.pump()
      })
    this.#running.set(row.id, job)
  }
}
