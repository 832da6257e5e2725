// Tickets and departments are read whole; a ticket's thread is replaced from GET /tickets/{id}
// when its marker (last reply time) moved. Tickets created and replies written here live
// beside the server's rows until the outbox confirms them.
import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm'
import type { Department, Ticket, TicketDetail, TicketReply } from '../../skylight/resources/tickets'
import { inTransaction, type StoreDb } from '../db'
import { notFound } from '../errors'
import { ticketDepartments, ticketReplies, tickets } from '../schema/tickets'
import { epochMs } from '../time'
import { unsettledIds } from '../queries/unsettled-lanes'
import { replaceCollection, type ReplaceResult } from './replace'
import { upsertRows } from './upsert-rows'

/** What says a ticket's thread changed. */
export const repliesMarkerOf = (t: Pick<Ticket, 'last_reply_at' | 'updated_at'>): string => t.last_reply_at ?? t.updated_at ?? ''

export function ticketRow(t: Ticket) {
  return {
    id: t.id,
    reference: t.ticket_id,
    subject: t.subject,
    priority: t.priority,
    status: t.status,
    departmentId: t.department?.id ?? null,
    departmentTitle: t.department?.title ?? null,
    lastReplyAt: t.last_reply_at,
    createdAt: t.created_at,
    createdAtMs: epochMs(t.created_at),
    updatedAt: t.updated_at,
  } satisfies typeof tickets.$inferInsert
}

/**
 * Removing a ticket also removes its replies (foreign-key cascade). Held rows stay, and so
 * does a ticket with a reply still to be sent. `sweep: false`: nothing is removed.
 */
export function replaceTickets(db: StoreDb, all: readonly Ticket[], sweep = true): ReplaceResult<number> {
  return inTransaction(db, (tx) =>
    replaceCollection(all.map(ticketRow), {
      keyOf: (row) => row.id,
      stored: () => new Map(tx.select().from(tickets).all().map((r) => [r.id, r])),
      write: (rows) => upsertRows(tx, tickets, rows, tickets.id),
      remove: (ids) => tx.delete(tickets).where(inArray(tickets.id, ids)).run(),
      busy: () => unsettledIds(tx, 'ticket'),
    }, sweep),
  )
}

export function replaceDepartments(db: StoreDb, all: readonly Department[], sweep = true): ReplaceResult<number> {
  return inTransaction(db, (tx) =>
    replaceCollection(
      all.map((d, position) => ({ id: d.id, title: d.title, position })),
      {
        keyOf: (row) => row.id,
        stored: () => new Map(tx.select().from(ticketDepartments).all().map((r) => [r.id, r])),
        write: (rows) => upsertRows(tx, ticketDepartments, rows, ticketDepartments.id),
        remove: (ids) => tx.delete(ticketDepartments).where(inArray(ticketDepartments.id, ids)).run(),
      },
      sweep,
    ),
  )
}

/** Server tickets whose thread has not been read since their marker last moved. */
export function ticketsDueForReplies(db: StoreDb): number[] {
  return db
    .select({ id: tickets.id })
    .from(tickets)
    .where(sql`${tickets.id} > 0 AND ${tickets.repliesMarker} IS NOT coalesce(${tickets.lastReplyAt}, ${tickets.updatedAt}, '')`)
    .all()
    .map((r) => r.id)
}

const replyRow = (ticketId: number, r: TicketReply) => ({
  ticketId,
  serverId: r.id,
  message: r.message,
  fromSupport: r.from_support,
  author: r.author,
  createdAt: r.created_at,
  createdAtMs: epochMs(r.created_at),
  state: 'sent',
  error: null,
})

/**
 * The ticket's thread as the server has it now. Returns the ids of support's replies that
 * were not here before (none on the first read of a thread, which is history, not news).
 */
export function replaceTicketReplies(db: StoreDb, detail: TicketDetail): number[] {
  return inTransaction(db, (tx) => {
    const row = tx.select().from(tickets).where(eq(tickets.id, detail.id)).get()
    if (!row) return []
    const known = new Set(
      tx
        .select({ serverId: ticketReplies.serverId })
        .from(ticketReplies)
        .where(and(eq(ticketReplies.ticketId, detail.id), isNotNull(ticketReplies.serverId)))
        .all()
        .map((r) => r.serverId),
    )
    const firstRead = row.repliesMarker === null
    // A reply confirmed without a server id (a ticket's first message, sent with the
    // ticket) is a stand-in until the thread arrives.
    tx.delete(ticketReplies)
      .where(and(eq(ticketReplies.ticketId, detail.id), isNull(ticketReplies.serverId), eq(ticketReplies.state, 'sent')))
      .run()
    const ids = detail.replies.map((r) => r.id)
    tx.delete(ticketReplies)
      .where(and(eq(ticketReplies.ticketId, detail.id), isNotNull(ticketReplies.serverId), sql`${ticketReplies.serverId} NOT IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`))
      .run()
    // A reply of another ticket with the same id cannot exist; the upsert keys on server id.
    upsertRows(tx, ticketReplies, detail.replies.map((r) => replyRow(detail.id, r)), ticketReplies.serverId)
    const fields = row.localRevision > 0 ? {} : ticketRow(detail)
    tx.update(tickets).set({ ...fields, repliesMarker: repliesMarkerOf(detail) }).where(eq(tickets.id, detail.id)).run()
    return firstRead ? [] : detail.replies.filter((r) => r.from_support && !known.has(r.id)).map((r) => r.id)
  })
}

// ── the outbox's local phase ──

export interface LocalTicketInput {
  id: number
  subject: string
  body: string
  priority: string
  departmentId: number | null
  createdAt: string
}

/** A ticket created here (negative id), held, with its first message as a pending reply. */
export function insertLocalTicket(db: StoreDb, input: LocalTicketInput): void {
  const department = input.departmentId === null ? undefined : db.select().from(ticketDepartments).where(eq(ticketDepartments.id, input.departmentId)).get()
  db.insert(tickets)
    .values({
      id: input.id,
      reference: null,
      subject: input.subject,
      priority: input.priority,
      status: 'open',
      departmentId: input.departmentId,
      departmentTitle: department?.title ?? null,
      lastReplyAt: input.createdAt,
      createdAt: input.createdAt,
      createdAtMs: epochMs(input.createdAt),
      updatedAt: input.createdAt,
      localRevision: 1,
    })
    .run()
  insertLocalReply(db, { ticketId: input.id, localId: `ticket:${input.id}`, message: input.body, createdAt: input.createdAt })
}

/** The server made the ticket: the row (and its thread, by cascade) takes the server's id. */
export function rekeyTicket(db: StoreDb, localId: number, created: Ticket): void {
  if (localId !== created.id) {
    db.delete(tickets).where(eq(tickets.id, created.id)).run()
    db.update(tickets).set({ id: created.id }).where(eq(tickets.id, localId)).run()
  }
  db.update(tickets)
    .set({ ...ticketRow(created), repliesMarker: null, localRevision: sql`max(${tickets.localRevision} - 1, 0)` })
    .where(eq(tickets.id, created.id))
    .run()
  db.update(ticketReplies).set({ state: 'sent' }).where(eq(ticketReplies.localId, `ticket:${localId}`)).run()
}

export function removeLocalTicket(db: StoreDb, localId: number): void {
  db.delete(tickets).where(eq(tickets.id, localId)).run()
}

export function requireTicket(db: StoreDb, id: number): typeof tickets.$inferSelect {
  const row = db.select().from(tickets).where(eq(tickets.id, id)).get()
  if (!row) throw notFound(`Ticket ${id}`)
  return row
}

/** Sets the status and holds the row; returns the previous status. */
export function holdTicketStatus(db: StoreDb, id: number, status: string): string {
  const row = requireTicket(db, id)
  db.update(tickets).set({ status, localRevision: row.localRevision + 1 }).where(eq(tickets.id, id)).run()
  return row.status
}

/** Puts a status back (or leaves it, with null) and releases the hold; a gone row is fine. */
export function releaseTicket(db: StoreDb, id: number, status: string | null): void {
  const row = db.select().from(tickets).where(eq(tickets.id, id)).get()
  if (!row) return
  db.update(tickets)
    .set({ ...(status === null ? {} : { status }), localRevision: Math.max(row.localRevision - 1, 0) })
    .where(eq(tickets.id, id))
    .run()
}

/** The server's copy of a ticket, unless another queued change still holds it. */
export function saveTicketIfUnheld(db: StoreDb, t: Ticket): void {
  db.update(tickets)
    .set(ticketRow(t))
    .where(and(eq(tickets.id, t.id), eq(tickets.localRevision, 0)))
    .run()
}

export function insertLocalReply(db: StoreDb, input: { ticketId: number; localId: string; message: string; createdAt: string }): void {
  db.insert(ticketReplies)
    .values({
      ticketId: input.ticketId,
      serverId: null,
      localId: input.localId,
      message: input.message,
      fromSupport: false,
      author: null,
      createdAt: input.createdAt,
      createdAtMs: epochMs(input.createdAt),
      state: 'pending',
      error: null,
    })
    .run()
}

export function findLocalReply(db: StoreDb, localId: string) {
  return db.select().from(ticketReplies).where(eq(ticketReplies.localId, localId)).get()
}

export function deleteLocalReply(db: StoreDb, localId: string): void {
  db.delete(ticketReplies).where(eq(ticketReplies.localId, localId)).run()
}

export function failLocalReply(db: StoreDb, localId: string, error: string): void {
  db.update(ticketReplies).set({ state: 'failed', error }).where(eq(ticketReplies.localId, localId)).run()
}

/** The server kept the reply; if sync already brought its copy, the local row gives way. */
export function confirmLocalReply(db: StoreDb, localId: string, reply: TicketReply): void {
  const copy = db.select({ rowId: ticketReplies.rowId }).from(ticketReplies).where(eq(ticketReplies.serverId, reply.id)).get()
  if (copy) return deleteLocalReply(db, localId)
  db.update(ticketReplies)
    .set({ serverId: reply.id, state: 'sent', error: null, createdAt: reply.created_at ?? undefined, createdAtMs: reply.created_at ? epochMs(reply.created_at) : undefined })
    .where(eq(ticketReplies.localId, localId))
    .run()
}
