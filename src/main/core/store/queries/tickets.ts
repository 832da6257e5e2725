// The tickets view: the list with its filters, one ticket with its thread and what the user
// may do to it now (decided here, asked by the interface), and the departments.
import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm'
import type { StoreDb } from '../db'
import { notFound } from '../errors'
import { ticketDepartments, ticketReplies, tickets } from '../schema/tickets'
import { clampLimit } from './page'

type TicketRow = typeof tickets.$inferSelect

export interface TicketItem {
  id: number
  reference: string | null
  subject: string
  priority: string
  status: string
  departmentId: number | null
  departmentTitle: string | null
  lastReplyAt: string | null
  createdAt: string | null
  /** A change to it waits in the outbox (or it was created here and is not sent yet). */
  pending: boolean
}

/** What the user may do to a ticket in its current state. */
export interface TicketAllowed {
  reply: boolean
  close: boolean
}

/** A closed ticket takes no more replies (the server refuses them) and cannot be closed again. */
export function ticketAllowed(status: string): TicketAllowed {
  const open = status !== 'closed'
  return { reply: open, close: open }
}

function toItem(row: TicketRow): TicketItem {
  return {
    id: row.id,
    reference: row.reference,
    subject: row.subject,
    priority: row.priority,
    status: row.status,
    departmentId: row.departmentId,
    departmentTitle: row.departmentTitle,
    lastReplyAt: row.lastReplyAt,
    createdAt: row.createdAt,
    pending: row.localRevision > 0 || row.id < 0,
  }
}

export interface TicketFilter {
  status?: string
  priority?: string
}

function ticketWhere(filter: TicketFilter): SQL | undefined {
  const where: SQL[] = []
  if (filter.status !== undefined) where.push(eq(tickets.status, filter.status))
  if (filter.priority !== undefined) where.push(eq(tickets.priority, filter.priority))
  return and(...where)
}

/** How many tickets match the filter. */
export function ticketCount(db: StoreDb, filter: TicketFilter = {}): number {
  return db.select({ n: count() }).from(tickets).where(ticketWhere(filter)).get()?.n ?? 0
}

/** Newest first. */
export function ticketList(db: StoreDb, options: TicketFilter & { limit?: number; offset?: number } = {}): TicketItem[] {
  return db
    .select()
    .from(tickets)
    .where(ticketWhere(options))
    .orderBy(desc(tickets.createdAtMs), desc(tickets.id))
    .limit(clampLimit(options.limit))
    .offset(Math.max(0, options.offset ?? 0))
    .all()
    .map(toItem)
}

export interface TicketReplyItem {
  /** Stable across the send: the local handle while pending, then the server's id. */
  key: string
  message: string
  fromSupport: boolean
  author: string | null
  createdAt: string | null
  state: string
  error: string | null
}

export interface TicketDetail extends TicketItem {
  replies: TicketReplyItem[]
  allowed: TicketAllowed
}

export function getTicket(db: StoreDb, id: number): TicketDetail {
  const row = db.select().from(tickets).where(eq(tickets.id, id)).get()
  if (!row) throw notFound(`Ticket ${id}`)
  const replies = db
    .select()
    .from(ticketReplies)
    .where(eq(ticketReplies.ticketId, id))
    // Server times are whole seconds: within one, the server's id order, then what waits here.
    .orderBy(asc(ticketReplies.createdAtMs), sql`${ticketReplies.serverId} IS NULL`, asc(ticketReplies.serverId), asc(ticketReplies.rowId))
    .all()
    .map((r) => ({
      key: r.localId ?? `s${r.serverId}`,
      message: r.message,
      fromSupport: r.fromSupport,
      author: r.author,
      createdAt: r.createdAt,
      state: r.state,
      error: r.error,
    }))
  return { ...toItem(row), replies, allowed: ticketAllowed(row.status) }
}

export function departmentList(db: StoreDb): { id: number; title: string }[] {
  return db
    .select({ id: ticketDepartments.id, title: ticketDepartments.title })
    .from(ticketDepartments)
    .orderBy(asc(ticketDepartments.position), asc(ticketDepartments.id))
    .all()
}

/** A ticket's status, or null when the local copy has no such ticket. */
export function ticketStatus(db: StoreDb, id: number): string | null {
  return db.select({ status: tickets.status }).from(tickets).where(eq(tickets.id, id)).get()?.status ?? null
}
