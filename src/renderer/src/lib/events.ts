// The core's events for the views: subscribe, get an unsubscribe back. Without a bridge
// (a component test that gives none) there is nothing to hear, which is not an error.
import type { EventName, EventPayload } from '../../../shared/contract'

export function onEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return window.desk?.on(event, listener) ?? (() => undefined)
}

/** Several subscriptions released together (what a view's connect() returns). */
export function all(...unsubscribes: (() => void)[]): () => void {
  return () => {
    for (const unsubscribe of unsubscribes) unsubscribe()
  }
}
