// Reply to a support ticket: a child POST without idempotency key. An unknown outcome is
// settled by reading the ticket's thread for this text, written by the account since the
// first attempt and not already matched to another reply.
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { t } from '../../language'
import { ValidationError } from '../../skylight'
import { ticketReply } from '../../skylight/resources/tickets'
import { confirmLocalReply, deleteLocalReply, failLocalReply, findLocalReply, insertLocalReply, requireTicket, type StoreDb } from '../../store'
import { reconcileInList } from '../reconcile'
import { quote, type ActionDef } from './define'

const schema = z.object({
  ticketId: z.number().int(),
  text: z.string().trim().min(1, { error: () => t().tickets_write_reply() }).max(10_000, { error: () => t().tickets_reply_max({ max: 10_000 }) }),
  /** The local reply row's handle; a new one each time the local phase is applied. */
  localId: z.string().optional(),
})
export type ReplyTicketPayload = z.output<typeof schema>

function dropUnsent(db: StoreDb, localId: string | undefined): void {
  if (!localId) return
  const row = findLocalReply(db, localId)
  if (row && row.serverId === null) deleteLocalReply(db, localId)
}

export const replyTicketAction: ActionDef<ReplyTicketPayload> = {
  kind: 'reply-ticket',
  payload: { current: 1, schema },
  lane: (p) => `ticket:${p.ticketId}`,
  summary: (p) => t().tickets_summary_reply({ text: quote(p.text), ticket: p.ticketId > 0 ? p.ticketId : null }),
  editable: (p) => ({ text: p.text }),
  repeatable: false,
  resources: ['tickets'],
  apply(db, p) {
    const ticket = requireTicket(db, p.ticketId)
    if (ticket.status === 'closed') throw new ValidationError(t().tickets_refuse_reply(), 422)
    dropUnsent(db, p.localId)
    const localId = randomUUID()
    insertLocalReply(db, { ticketId: p.ticketId, localId, message: p.text, createdAt: new Date().toISOString() })
    return { ...p, localId }
  },
  rollback(db, p, error) {
    if (!p.localId) return
    if (error) failLocalReply(db, p.localId, error.message)
    else dropUnsent(db, p.localId)
  },
  discardFailed: (db, p) => dropUnsent(db, p.localId),
  async send(ctx, p) {
    const sent = await ctx.api.tickets.reply(p.ticketId, p.text, ctx.call)
    return { serverId: sent.id, record: sent }
  },
  // Clock-free: the ticket's own replies, newer than the newest one before the request.
  ...reconcileInList(
    async (ctx, p: ReplyTicketPayload) => (await ctx.api.tickets.get(p.ticketId, ctx.call)).replies.filter((r) => !r.from_support).map((r) => ({ ...r, created_at: r.created_at ?? null })),
    (r, p) => r.message === p.text,
  ),
  confirm(db, p, result) {
    const sent = ticketReply.safeParse(result.record)
    if (p.localId && sent.success && findLocalReply(db, p.localId)) confirmLocalReply(db, p.localId, sent.data)
  },
  edit: (p, changes) => ({ ...p, ...z.object({ text: schema.shape.text }).parse(changes) }),
}
