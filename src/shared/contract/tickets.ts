// The support tickets view: the list with its filters, one ticket's thread with what may be
// done to it now (the core decides), the departments, and the three things a user does —
// open, reply, close — each queued in the outbox.
import { z } from 'zod'
import { method } from './define'

const id = z.number().int()
const page = { limit: z.number().int().min(1).max(500).optional(), offset: z.number().int().min(0).optional() }
const queued = z.object({ actionId: z.string() })

export const ticketPriorities = ['low', 'medium', 'high'] as const
export const ticketStatuses = ['open', 'answered', 'closed'] as const

export const ticketItem = z.object({
  id: z.number(),
  reference: z.string().nullable(),
  subject: z.string(),
  priority: z.string(),
  status: z.string(),
  departmentId: z.number().nullable(),
  departmentTitle: z.string().nullable(),
  lastReplyAt: z.string().nullable(),
  createdAt: z.string().nullable(),
  pending: z.boolean(),
})
export type TicketItem = z.output<typeof ticketItem>

export const ticketReplyItem = z.object({
  key: z.string(),
  message: z.string(),
  fromSupport: z.boolean(),
  author: z.string().nullable(),
  createdAt: z.string().nullable(),
  /** 'sent', 'pending' (waiting in the outbox) or 'failed' (error says why). */
  state: z.string(),
  error: z.string().nullable(),
})
export type TicketReplyItem = z.output<typeof ticketReplyItem>

export const ticketDetail = ticketItem.extend({
  replies: z.array(ticketReplyItem),
  allowed: z.object({ reply: z.boolean(), close: z.boolean() }),
})
export type TicketDetail = z.output<typeof ticketDetail>

export const departmentItem = z.object({ id: z.number(), title: z.string() })
export type DepartmentItem = z.output<typeof departmentItem>

export const ticketMethods = {
  'tickets-list': method(
    z.object({ status: z.enum(ticketStatuses).optional(), priority: z.enum(ticketPriorities).optional(), ...page }).strict(),
    /** total: how many tickets match the filter. */
    z.object({ items: z.array(ticketItem), total: z.number() }),
  ),
  'ticket-get': method(z.object({ id }).strict(), ticketDetail),
  'ticket-departments': method(z.object({}).strict(), z.object({ items: z.array(departmentItem) })),
  /** Without a department the server puts the ticket in its first one. */
  'ticket-create': method(
    z
      .object({
        subject: z.string().trim().min(1).max(255),
        body: z.string().trim().min(1).max(10_000),
        priority: z.enum(ticketPriorities).optional(),
        departmentId: id.positive().nullable().optional(),
      })
      .strict(),
    queued.extend({ localId: z.number() }),
  ),
  'ticket-reply': method(z.object({ id, text: z.string().trim().min(1).max(10_000) }).strict(), queued),
  'ticket-close': method(z.object({ id }).strict(), queued),
}
