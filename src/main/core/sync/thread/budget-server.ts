// The core's side of a sync thread's rate budget: takes the thread's requests for slots to
// the account's shared RateBudget, where they queue behind the user's own actions.
import type { Budget, Slot } from '../../skylight'
import type { BudgetReply, BudgetRequest } from './protocol'

export class BudgetServer {
  readonly #budget: Budget
  readonly #reply: (reply: BudgetReply) => void
  /** Requests still waiting for a slot, by id, with what stops their wait. */
  readonly #waiting = new Map<number, AbortController>()
  readonly #held = new Map<number, Slot>()
  #closed = false

  constructor(budget: Budget, reply: (reply: BudgetReply) => void) {
    this.#budget = budget
    this.#reply = reply
  }

  handle(request: BudgetRequest): void {
    switch (request.type) {
      case 'acquire': {
        const controller = new AbortController()
        this.#waiting.set(request.id, controller)
        this.#budget.acquire(request.priority, controller.signal).then(
          (slot) => {
            this.#waiting.delete(request.id)
            if (this.#closed) return slot.release()
            this.#held.set(request.id, slot)
            this.#reply({ type: 'grant', id: request.id })
          },
          // Cancelled (by the thread, or the budget was disposed): the thread gets no grant.
          () => this.#waiting.delete(request.id),
        )
        return
      }
      case 'cancel':
        this.#waiting.get(request.id)?.abort()
        this.#release(request.id)
        return
      case 'release':
        this.#release(request.id)
        return
      case 'observe':
        this.#budget.observe(request.remaining, request.resetAt)
        return
      case 'pause':
        this.#budget.pauseFor(request.ms)
        return
      default:
        unknownRequest(request)
    }
  }

  /** The thread has ended: its waits stop and the slots it held count as answered now. */
  close(): void {
    this.#closed = true
    for (const controller of this.#waiting.values()) controller.abort()
    this.#waiting.clear()
    for (const id of [...this.#held.keys()]) this.#release(id)
  }

  #release(id: number): void {
    this.#held.get(id)?.release()
    this.#held.delete(id)
  }
}

function unknownRequest(request: never): never {
  throw new Error(`Unknown budget request: ${JSON.stringify(request)}`)
}
