// The inbox: conversations newest first, one page at a time.
import { and, desc, eq, sql } from 'drizzle-orm'
import type { StoreDb } from '../db'
import { contacts } from '../schema/contacts'
import { conversations } from '../schema/messages'
import { unseenUnread } from './unread'
import { clampLimit, toPage, type Page } from './page'

export interface ConversationCursor {
  at: number
  contactId: number
}

export interface ConversationItem {
  contactId: number
  /** The contact's own name, else the one the conversation list sent. */
  name: string
  channel: string | null
  lastMessage: string | null
  lastMessageAt: string | null
  unreadCount: number
  /** A change to this conversation is waiting in the outbox. */
  pending: boolean
}

export interface ConversationPageOptions {
  channel?: string
  limit?: number
  before?: ConversationCursor
}

/** The statement behind conversationPage (exposed so tests can check its query plan). */
export function conversationPageQuery(db: StoreDb, options: ConversationPageOptions = {}) {
  const { before } = options
  return db
    .select({
      contactId: conversations.contactId,
      name: sql<string>`coalesce(nullif(${contacts.name}, ''), ${conversations.contactName})`,
      channel: conversations.channel,
      lastMessage: conversations.lastMessage,
      lastMessageAt: conversations.lastMessageAt,
      lastMessageAtMs: conversations.lastMessageAtMs,
      unreadCount: unseenUnread,
      localRevision: conversations.localRevision,
    })
    .from(conversations)
    .leftJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(
      and(
        options.channel === undefined ? undefined : eq(conversations.channel, options.channel),
        // A row value comparison, so SQLite seeks the index instead of filtering.
        before && sql`(${conversations.lastMessageAtMs}, ${conversations.contactId}) < (${before.at}, ${before.contactId})`,
      ),
    )
    .orderBy(desc(conversations.lastMessageAtMs), desc(conversations.contactId))
    .limit(clampLimit(options.limit) + 1)
}

export function conversationPage(db: StoreDb, options: ConversationPageOptions = {}): Page<ConversationItem, ConversationCursor> {
  return toPage(
    conversationPageQuery(db, options).all(),
    clampLimit(options.limit),
    ({ lastMessageAtMs: _ms, localRevision, ...row }) => ({ ...row, pending: localRevision > 0 }),
    (row) => ({ at: row.lastMessageAtMs, contactId: row.contactId }),
  )
}
