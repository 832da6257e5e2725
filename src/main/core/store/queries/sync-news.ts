// What the sync steps compare before and after a read, to tell the user what happened on
// SkyLight since the last one: support's newest reply per ticket, who waits in web chat, a
// session's newest visitor message. Server rows only (a row made here is not news).
import { and, eq, isNotNull, sql } from 'drizzle-orm'
import type { StoreDb } from '../db'
import { ticketReplies, tickets } from '../schema/tickets'
import { webChatMessages, webChatSessions } from '../schema/web-chat'

/** Each server ticket's subject and the id of support's newest reply (0: none yet). */
export function ticketSupportMarks(db: StoreDb): Map<number, { subject: string; lastSupportReply: number }> {
  const rows = db
    .select({
      id: tickets.id,
      subject: tickets.subject,
      last: sql<number>`coalesce((SELECT max(${ticketReplies.serverId}) FROM ${ticketReplies} WHERE ${ticketReplies.ticketId} = ${tickets.id} AND ${ticketReplies.fromSupport} = 1), 0)`,
    })
    .from(tickets)
    .where(sql`${tickets.id} > 0`)
    .all()
  return new Map(rows.map((r) => [r.id, { subject: r.subject, lastSupportReply: Number(r.last) }]))
}

export interface WebChatSessionMark {
  /** Active and waiting for a person. */
  waiting: boolean
  /** Active and handled by a person. */
  withAgent: boolean
  visitor: string | null
}

export function webChatSessionMarks(db: StoreDb): Map<string, WebChatSessionMark> {
  const rows = db.select().from(webChatSessions).all()
  return new Map(
    rows.map((r) => [
      r.sessionId,
      {
        waiting: r.status === 'active' && r.handledBy === 'pending',
        withAgent: r.status === 'active' && r.handledBy === 'human',
        visitor: r.visitorName ?? r.visitorEmail ?? r.visitorPhone,
      },
    ]),
  )
}

/** A session's newest message from the visitor, as stored. */
export function newestVisitorMessage(db: StoreDb, sessionId: string): { serverId: number; text: string } | null {
  const row = db
    .select({ serverId: webChatMessages.serverId, text: webChatMessages.text })
    .from(webChatMessages)
    .where(and(eq(webChatMessages.sessionId, sessionId), eq(webChatMessages.sender, 'visitor'), isNotNull(webChatMessages.serverId)))
    .orderBy(sql`${webChatMessages.serverId} DESC`)
    .limit(1)
    .get()
  return row?.serverId == null ? null : { serverId: row.serverId, text: row.text }
}
