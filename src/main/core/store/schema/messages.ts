// Conversations (one per contact, as the API keys them) and their messages.
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { localRevision, unseen } from './columns'
import { contacts } from './contacts'
import { localEntity } from './entity'

export const conversations = sqliteTable(
  'conversations',
  {
    contactId: integer('contact_id')
      .primaryKey()
      .references(() => contacts.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    // The name as the conversation list sent it; the views prefer the contact's own.
    contactName: text('contact_name').notNull(),
    channel: text('channel'),
    lastMessage: text('last_message'),
    lastMessageAt: text('last_message_at'),
    // Sort key parsed from last_message_at; 0 when unknown, so keyset paging needs no NULLs.
    lastMessageAtMs: integer('last_message_at_ms').notNull().default(0),
    unreadCount: integer('unread_count').notNull().default(0),
    // last_message_at_ms up to which this contact's messages have been fetched; -1 before
    // the first fetch. Sync fetches messages wherever it differs from last_message_at_ms, so a
    // crash between storing the conversation and its messages leaves it due, not lost.
    messagesSyncedMs: integer('messages_synced_ms').notNull().default(-1),
    localRevision: localRevision(),
    unseen: unseen(),
  },
  (t) => [
    index('conversations_recent_idx').on(t.lastMessageAtMs, t.contactId),
    index('conversations_channel_recent_idx').on(t.channel, t.lastMessageAtMs, t.contactId),
  ],
)

export const messages = sqliteTable(
  'messages',
  {
    // Our own key: the full-text index points at it, and it exists before the server's.
    rowId: integer('row_id').primaryKey({ autoIncrement: true }),
    // Null for a message written offline and not yet accepted by the server.
    serverId: integer('server_id'),
    // Set for messages created in the app (the outbox's handle on them), null otherwise.
    localId: text('local_id'),
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    direction: text('direction'),
    channel: text('channel'),
    content: text('content'),
    status: text('status'),
    error: text('error'),
    sentAt: text('sent_at'),
    createdAt: text('created_at'),
    // sent_at, else created_at, in epoch ms (0 when neither parses): the thread's order.
    sortAtMs: integer('sort_at_ms').notNull().default(0),
    localRevision: localRevision(),
    unseen: unseen(),
  },
  (t) => [
    uniqueIndex('messages_server_id_unique').on(t.serverId),
    uniqueIndex('messages_local_id_unique').on(t.localId),
    index('messages_thread_idx').on(t.contactId, t.sortAtMs, t.rowId),
  ],
)

export const conversationEntity = localEntity({ name: 'conversation', noun: 'conversation', table: conversations, key: conversations.contactId, revision: conversations.localRevision })

export const messageEntity = localEntity({ name: 'message', noun: 'message', table: messages, key: messages.rowId, revision: messages.localRevision })
