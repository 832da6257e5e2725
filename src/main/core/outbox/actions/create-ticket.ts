// Open a support ticket. POST without idempotency key: an unknown outcome is settled by
// looking for a ticket of the same subject among the newest, made since the first attempt.
import { z } from 'zod'
import { ticket, ticketPriorities } from '../../skylight/resources/tickets'
import { insertLocalTicket, rekeyTicket, removeLocalTicket } from '../../store'
import { quote, type ActionDef } from './define'

const schema = z.object({
  subject: z.string().trim().min(1, 'Write a subject.').max(255, 'A subject can be at most 255 characters.'),
  body: z.string().trim().min(1, 'Describe the problem in the first message.').max(10_000, 'The first message can be at most 10000 characters.'),
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
  summary: (p) => `Open ticket ${quote(p.subject)}`,
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
  async reconcile(ctx, p) {
    const page = await ctx.api.tickets.list({ per_page: 50 }, ctx.call)
    const found = page.items
      .filter((t) => !ctx.claimed.has(t.id) && t.subject === p.subject.trim() && (t.created_at === null || (Date.parse(t.created_at) || 0) >= ctx.since))
      .sort((a, b) => a.id - b.id)[0]
    return found ? { serverId: found.id, record: found } : null
  },
  confirm(db, p, result) {
    const created = ticket.safeParse(result.record)
    if (created.success) rekeyTicket(db, p.localId, created.data)
  },
  edit: (p, changes) => ({ ...p, ...schema.pick({ subject: true, body: true }).partial().parse(changes) }),
}
