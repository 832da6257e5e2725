// The sync thread's side of the account's rate budget. There is one budget per key for the
// whole app (sync and outbox share it, user actions first), and it lives with the core; the
// thread's client asks it for each slot through messages (budget-server.ts answers).
import { CancelledError, type Budget, type Priority, type Slot } from '../../skylight'
import { BackgroundShare } from './background-share'
import type { BudgetRequest } from './protocol'

interface Waiting {
  resolve(slot: Slot): void
  reject(error: Error): void
}

export class RemoteBudget implements Budget {
  readonly limit: number
  readonly windowMs: number
  readonly #send: (request: BudgetRequest) => void
  readonly #waiting = new Map<number, Waiting>()
  #nextId = 1
  /** This thread's background requests leave a few slots of every window free. */
  readonly #background: BackgroundShare

  constructor(options: { limit: number; windowMs: number; send: (request: BudgetRequest) => void }) {
    this.limit = options.limit
    this.windowMs = options.windowMs
    this.#send = options.send
    this.#background = new BackgroundShare(options.limit, options.windowMs)
  }

  async acquire(priority: Priority = 'sync', signal?: AbortSignal): Promise<Slot> {
    if (priority !== 'background') return this.#ask(priority, signal)
    const done = await this.#background.take(signal)
    try {
      const slot = await this.#ask(priority, signal)
      return {
        release: () => {
          slot.release()
          done()
        },
      }
    } catch (error) {
      done()
      throw error
    }
  }

  #ask(priority: Priority, signal?: AbortSignal): Promise<Slot> {
    if (signal?.aborted) return Promise.reject(new CancelledError())
    const id = this.#nextId++
    return new Promise<Slot>((resolve, reject) => {
      const onAbort = (): void => {
        if (!this.#waiting.delete(id)) return
        this.#send({ type: 'cancel', id })
        reject(new CancelledError())
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      this.#waiting.set(id, {
        resolve: (slot) => {
          signal?.removeEventListener('abort', onAbort)
          resolve(slot)
        },
        reject,
      })
      this.#send({ type: 'acquire', id, priority })
    })
  }

  /** The core granted slot `id`. */
  granted(id: number): void {
    const waiting = this.#waiting.get(id)
    if (!waiting) {
      // Cancelled here while the grant was on its way: give it straight back.
      this.#send({ type: 'release', id })
      return
    }
    this.#waiting.delete(id)
    let released = false
    waiting.resolve({
      release: () => {
        if (released) return
        released = true
        this.#send({ type: 'release', id })
      },
    })
  }

  pauseFor(ms: number): void {
    this.#send({ type: 'pause', ms })
  }

  observe(remaining: number | undefined, resetAt: number | undefined): void {
    this.#send({ type: 'observe', remaining, resetAt })
  }

  dispose(): void {
    this.#background.dispose()
    for (const waiting of this.#waiting.values()) waiting.reject(new CancelledError())
    this.#waiting.clear()
  }
}
