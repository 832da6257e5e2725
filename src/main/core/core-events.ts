// The core's outgoing events, typed by the contract. Main forwards them to the window, the
// browser test host to its WebSocket; tests listen directly.
import type { EventName, EventPayload } from '../../shared/contract'

export type CoreListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void

export class CoreEvents {
  #listeners = new Set<CoreListener>()

  on(listener: CoreListener): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.#listeners) {
      try {
        listener(event, payload)
      } catch {
        // A failing listener (a closed window) must not stop the others or the core.
      }
    }
  }
}
