// What the sync engine asks the store to decide what to fetch next.
import { and, desc, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm'
import type { StoreDb } from '../db'
import { campaigns } from '../schema/campaigns'
import { lists, segments } from '../schema/groups'
import { conversations, messages } from '../schema/messages'

export interface ConversationStamp {
  lastMessageAtMs: number
  messagesSyncedMs: number
  unreadCount: number
}

/** The stored state of the given conversations, by contact id. */
export function conversationStamps(db: StoreDb, contactIds: readonly number[]): Map<number, ConversationStamp> {
  if (contactIds.length === 0) return new Map()
  const rows = db
    .select({
      contactId: conversations.contactId,
      lastMessageAtMs: conversations.lastMessageAtMs,
      messagesSyncedMs: conversations.messagesSyncedMs,
      unreadCount: conversations.unreadCount,
    })
    .from(conversations)
    .where(inArray(conversations.contactId, [...contactIds]))
    .all()
  return new Map(rows.map(({ contactId, ...stamp }) => [contactId, stamp]))
}

/** Conversations whose messages are behind their last message, most recent first. */
export function conversationsDueForMessages(db: StoreDb, limit: number): { contactId: number; lastMessageAtMs: number }[] {
  return db
    .select({ contactId: conversations.contactId, lastMessageAtMs: conversations.lastMessageAtMs })
    .from(conversations)
    .where(ne(conversations.messagesSyncedMs, conversations.lastMessageAtMs))
    .orderBy(desc(conversations.lastMessageAtMs), desc(conversations.contactId))
    .limit(limit)
    .all()
}

export function countConversationsDueForMessages(db: StoreDb): number {
  return (
    db.get<{ n: number }>(sql`SELECT count(*) AS n FROM conversations WHERE messages_synced_ms != last_message_at_ms`)?.n ?? 0
  )
}

/** How many of the contact's messages came from the server (what its history's paging counts). */
export function serverMessageCount(db: StoreDb, contactId: number): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(messages)
      .where(and(eq(messages.contactId, contactId), isNotNull(messages.serverId)))
      .get()?.n ?? 0
  )
}

/** Contacts with recent outbound messages whose status may still move (sent → delivered → read). */
export function contactsWithUnsettledMessages(db: StoreDb, sinceMs: number, limit: number): number[] {
  return db
    .all<{ contact_id: number }>(sql`
      SELECT contact_id FROM messages
      WHERE direction = 'outbound' AND server_id IS NOT NULL AND sort_at_ms >= ${sinceMs}
        AND status IN ('pending', 'sent', 'delivered')
      GROUP BY contact_id ORDER BY max(sort_at_ms) DESC LIMIT ${limit}`)
    .map((r) => r.contact_id)
}

export function listIds(db: StoreDb): number[] {
  return db.select({ id: lists.id }).from(lists).all().map((r) => r.id)
}

export function segmentIds(db: StoreDb): number[] {
  return db.select({ id: segments.id }).from(segments).all().map((r) => r.id)
}

export function campaignIdsByStatus(db: StoreDb, statuses: readonly string[]): number[] {
  return db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(inArray(campaigns.status, [...statuses]))
    .all()
    .map((r) => r.id)
}

/** Rows a deletion pass has not seen so far (candidates to verify before sweeping). */
export function unseenIds(db: StoreDb, resource: 'contacts' | 'media'): number[] {
  const table = resource === 'contacts' ? sql`contacts` : sql`media`
  return db.all<{ id: number }>(sql`SELECT id FROM ${table} WHERE unseen = 1 AND local_revision = 0`).map((r) => r.id)
}

export function contactName(db: StoreDb, contactId: number): string | null {
  return db.get<{ name: string }>(sql`SELECT name FROM contacts WHERE id = ${contactId}`)?.name ?? null
}

/** Rows of a whole-table list that came from the server (what an empty answer would remove). */
export function countStoredRows(db: StoreDb, resource: 'contacts' | 'media' | 'conversations' | 'tags' | 'lists' | 'segments' | 'campaigns'): number {
  const key = resource === 'conversations' ? sql`contact_id` : sql`id`
  return db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${sql.identifier(resource)} WHERE ${key} > 0 AND local_revision = 0`)?.n ?? 0
}

/** Conversations a full pass of the list has not seen so far. */
export function countUnseenConversations(db: StoreDb): number {
  return db.get<{ n: number }>(sql`SELECT count(*) AS n FROM conversations WHERE unseen = 1 AND local_revision = 0`)?.n ?? 0
}
