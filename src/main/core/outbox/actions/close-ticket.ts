// Close a support ticket. Closing a closed ticket changes nothing, so an unknown outcome
// needs no reconciling: sending it again is safe.
import { z } from 'zod'
import { ticket } from '../../skylight/resources/tickets'
import { holdTicketStatus, releaseTicket, saveTicketIfUnheld } from '../../store'
import type { ActionDef } from './define'
import { t } from '../../language'

const schema = z.object({
  ticketId: z.number().int(),
  previousStatus: z.string().optional(),
})
export type CloseTicketPayload = z.output<typeof schema>

export const closeTicketAction: ActionDef<CloseTicketPayload> = {
  kind: 'close-ticket',
  payload: { current: 1, schema },
  lane: (p) => `ticket:${p.ticketId}`,
  summary: (p) => t().tickets_summary_close({ ticket: p.ticketId > 0 ? p.ticketId : null }),
  repeatable: true,
  resources: ['tickets'],
  apply(db, p) {
    const before = holdTicketStatus(db, p.ticketId, 'closed')
    return { ...p, previousStatus: p.previousStatus ?? before }
  },
  rollback(db, p) {
    releaseTicket(db, p.ticketId, p.previousStatus ?? null)
  },
  async send(ctx, p) {
    const closed = await ctx.api.tickets.close(p.ticketId, ctx.call)
    return { serverId: p.ticketId, record: closed ?? undefined }
  },
  confirm(db, p, result) {
    releaseTicket(db, p.ticketId, null)
    const closed = ticket.safeParse(result.record)
    if (closed.success) saveTicketIfUnheld(db, closed.data)
  },
}
