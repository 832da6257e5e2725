// /tickets: the account's support tickets with SkyLight, their replies, and the departments.
// The docs page stops inside "Get a ticket"; the reply objects are read tolerantly (the
// text as `message`, `body` or `content`; support's side as `is_admin`, `is_staff` or a
// `sender_type` of admin/support), and a reply is sent as `message` (what a Laravel reply
// endpoint takes; the sandbox also accepts `body`).
import { z } from 'zod'
import type { CallOptions, SkyLightClient } from '../client'
import { bool, id, looseEnum, nullable, timestamp } from '../schema'

export const ticketStatuses = ['open', 'answered', 'closed'] as const
export const ticketPriorities = ['low', 'medium', 'high'] as const

export const department = z.object({
  id,
  title: z
    .string()
    .nullish()
    .transform((v) => v ?? ''),
})
export type Department = z.output<typeof department>

export const ticketReply = z
  .object({
    id,
    message: nullable(z.string()),
    body: nullable(z.string()),
    content: nullable(z.string()),
    is_admin: nullable(bool),
    is_staff: nullable(bool),
    sender_type: nullable(z.string()),
    user_name: nullable(z.string()),
    created_at: nullable(timestamp),
  })
  .transform((r) => ({
    id: r.id,
    message: r.message ?? r.body ?? r.content ?? '',
    from_support: r.is_admin ?? r.is_staff ?? (r.sender_type === 'admin' || r.sender_type === 'support'),
    author: r.user_name,
    created_at: r.created_at,
  }))
export type TicketReply = z.output<typeof ticketReply>

export const ticket = z.object({
  id,
  ticket_id: nullable(z.string()),
  subject: z
    .string()
    .nullish()
    .transform((v) => v ?? ''),
  priority: looseEnum(ticketPriorities),
  status: looseEnum(ticketStatuses),
  department: nullable(department),
  last_reply_at: nullable(timestamp),
  created_at: nullable(timestamp),
  updated_at: nullable(timestamp),
})
export type Ticket = z.output<typeof ticket>

/** GET /tickets/{id}: the ticket with its whole thread. */
export const ticketDetail = ticket.extend({
  replies: z
    .array(z.unknown())
    .nullish()
    .transform((items) => (items ?? []).flatMap((raw) => {
      const parsed = ticketReply.safeParse(raw)
      return parsed.success ? [parsed.data] : []
    })),
})
export type TicketDetail = z.output<typeof ticketDetail>

export interface TicketInput {
  subject: string
  body: string
  priority?: string
  department_id?: number
}

export function ticketsApi(client: SkyLightClient) {
  const path = (ticketId: number, rest = '') => `/tickets/${ticketId}${rest}`
  return {
    list: (query: { page?: number; per_page?: number; status?: string; priority?: string } = {}, o?: CallOptions) =>
      client.page({ method: 'GET', path: '/tickets', query: { ...query }, ...o }, ticket),
    get: (ticketId: number, o?: CallOptions) => client.data({ method: 'GET', path: path(ticketId), ...o }, ticketDetail),
    /** Without department_id the server assigns the first department. */
    create: (input: TicketInput, o?: CallOptions) => client.data({ method: 'POST', path: '/tickets', json: input, ...o }, ticket),
    reply: (ticketId: number, message: string, o?: CallOptions) =>
      client.data({ method: 'POST', path: path(ticketId, '/reply'), json: { message }, ...o }, ticketReply),
    close: (ticketId: number, o?: CallOptions) =>
      client.data({ method: 'POST', path: path(ticketId, '/close'), ...o }, ticket.or(z.unknown().transform(() => null))),
    departments: (o?: CallOptions) => client.page({ method: 'GET', path: '/tickets/departments', ...o }, department),
  }
}
