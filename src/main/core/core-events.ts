// The core's outgoing events, typed by the contract. Main forwards them to the window, the
// browser test host to its WebSocket; tests listen directly.
import type { EventName, EventPayload } from '../../shared/contract'
import type { SyncNotice } from './sync/context'

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

/** A sync notice becomes the contract's event of its kind, for the account it came from. */
export function emitNotice(events: CoreEvents, accountId: string, notice: SyncNotice): void {
  switch (notice.kind) {
    case 'ticket-answered':
      return events.emit('ticket-answered', { accountId, ticketId: notice.ticketId, subject: notice.subject })
    case 'web-chat-waiting':
      return events.emit('web-chat-waiting', { accountId, sessionId: notice.sessionId, visitor: notice.visitor })
    case 'web-chat-visitor-message':
      return events.emit('web-chat-visitor-message', { accountId, sessionId: notice.sessionId, visitor: notice.visitor, preview: notice.preview })
  }
}
