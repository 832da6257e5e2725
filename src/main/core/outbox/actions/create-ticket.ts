// Open a support ticket. POST without idempotency key: an unknown outcome is settled by
// looking for a ticket of the same subject among the newest, made since the first attempt.
import { z } from 'zod'
import { t } from '../../language'
import { ticket, ticketPriorities } from '../../skylight/resources/tickets'
import { insertLocalTicket, rekeyTicket, removeLocalTicket } from '../../store'
import { reconcileInList } from '../reconcile'
import { quote, type ActionDef } from './define'

const schema = z.object({
  subject: z.string().trim().min(1, { error: () => t().tickets_write_subject() }).max(255, { error: () => t().tickets_subject_max({ max: 255 }) }),
  body: z.string().trim().min(1, { error: () => t().tickets_describe() }).max(10_000, { error: () => t().tickets_first_max({ max: 10_000 }) }),
  priority: z.enum(ticketPriorities).default('medium'),
  /** None: the server puts the ticket in its first department. */
  departmentId: z.number().int().positive().nullish(),
  localId: z.number().int().negative(),
})
export type CreateTicketPayload = z.output<typeof schema>

export const createTicketAction: ActionDef<CreateTicketPayload> = {
  kind: 'create-ticket',
  payload: { current: 1, schema },
  lane: (p) => `ticket:${p.localId}`,
  summary: (p) => t().tickets_summary_open({ subject: quote(p.subject) }),
  editable: (p) => ({ subject: p.subject, body: p.body }),
  repeatable: false,
  resources: ['tickets'],
  creates: { entity: 'ticket', localId: (p) => p.localId },
  apply(db, p) {
    insertLocalTicket(db, {
      id: p.localId,
      subject: p.subject,
      body: p.body,
      priority: p.priority,
      departmentId: p.departmentId ?? null,
      createdAt: new Date().toISOString(),
    })
    return p
  },
  rollback(db, p) {
    removeLocalTicket(db, p.localId)
  },
  async send(ctx, p) {
    const created = await ctx.api.tickets.create(
      { subject: p.subject, body: p.body, priority: p.priority, ...(p.departmentId ? { department_id: p.departmentId } : {}) },
      ctx.call,
    )
    return { serverId: created.id, record: created }
  },
  // Clock-free: the newest tickets, newer than the newest one before the request.
  ...reconcileInList(
    async (ctx) => (await ctx.api.tickets.list({ per_page: 50 }, ctx.call)).items.map((t) => ({ ...t, created_at: t.created_at ?? null })),
    (t, p: CreateTicketPayload) => t.subject === p.subject.trim(),
  ),
  confirm(db, p, result) {
    const created = ticket.safeParse(result.record)
    if (created.success) rekeyTicket(db, p.localId, created.data)
  },
  edit: (p, changes) => ({ ...p, ...schema.pick({ subject: true, body: true }).partial().parse(changes) }),
}
