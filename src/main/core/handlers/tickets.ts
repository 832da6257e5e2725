// The tickets view: reads from the local copy, and the user's actions queued in the outbox
// (a closed ticket refuses a reply there, before anything is queued).
import type { Handlers } from '../../../shared/contract'
import { departmentList, getTicket, ticketAllowed, ticketCount, ticketList, ticketStatus } from '../store'
import { t } from '../language'
import { ValidationError } from '../skylight'
import type { HandlerContext } from './context'

type TicketHandlers = Pick<Handlers, 'tickets-list' | 'ticket-get' | 'ticket-departments' | 'ticket-create' | 'ticket-reply' | 'ticket-close'>

export function ticketHandlers(ctx: HandlerContext): TicketHandlers {
  const db = () => ctx.session().store.db
  const outbox = () => ctx.session().outbox
  /** Refuses what the ticket's state does not allow; a missing ticket is `not-found` from the store. */
  const check = (id: number, what: 'reply' | 'close') => {
    const status = ticketStatus(db(), id)
    if (status !== null && !ticketAllowed(status)[what]) {
      throw new ValidationError(what === 'reply' ? t().tickets_refuse_reply() : t().tickets_refuse_close(), 422)
    }
  }
  return {
    'tickets-list': async (input) => ({ items: ticketList(db(), input), total: ticketCount(db(), input) }),
    'ticket-get': async ({ id }) => getTicket(db(), id),
    'ticket-departments': async () => ({ items: departmentList(db()) }),
    'ticket-create': async (input) => {
      const { actionId, localId } = outbox().queue('create-ticket', {
        subject: input.subject,
        body: input.body,
        ...(input.priority ? { priority: input.priority } : {}),
        ...(input.departmentId ? { departmentId: input.departmentId } : {}),
      })
      return { actionId: String(actionId), localId: localId ?? 0 }
    },
    'ticket-reply': async ({ id, text }) => {
      check(id, 'reply')
      return { actionId: String(outbox().queue('reply-ticket', { ticketId: id, text }).actionId) }
    },
    'ticket-close': async ({ id }) => {
      check(id, 'close')
      return { actionId: String(outbox().queue('close-ticket', { ticketId: id }).actionId) }
    },
  }
}
