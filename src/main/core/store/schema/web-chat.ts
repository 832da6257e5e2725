// Web chat sessions (the website widget's conversations) and their messages.
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { localRevision } from './columns'

export const webChatSessions = sqliteTable(
  'web_chat_sessions',
  {
    sessionId: text('session_id').primaryKey(),
    status: text('status').notNull(),
    /** ai, human, or pending (the visitor asked for a human and waits). */
    handledBy: text('handled_by').notNull(),
    visitorName: text('visitor_name'),
    visitorEmail: text('visitor_email'),
    visitorPhone: text('visitor_phone'),
    pageUrl: text('page_url'),
    referrer: text('referrer'),
    humanRequestedAt: text('human_requested_at'),
    humanTookOverAt: text('human_took_over_at'),
    lastActivityAt: text('last_activity_at'),
    lastActivityMs: integer('last_activity_ms').notNull().default(0),
    createdAt: text('created_at'),
    /** last_activity_at when the messages were last read: re-read when it moves. */
    messagesMarker: text('messages_marker'),
    localRevision: localRevision(),
  },
  (t) => [index('web_chat_sessions_recent_idx').on(t.lastActivityMs)],
)

export const webChatMessages = sqliteTable(
  'web_chat_messages',
  {
    rowId: integer('row_id').primaryKey({ autoIncrement: true }),
    sessionId: text('session_id')
      .notNull()
      .references(() => webChatSessions.sessionId, { onDelete: 'cascade', onUpdate: 'cascade' }),
    serverId: integer('server_id'),
    localId: text('local_id'),
    /** visitor, ai or agent. */
    sender: text('sender').notNull(),
    text: text('text').notNull(),
    createdAt: text('created_at'),
    createdAtMs: integer('created_at_ms').notNull().default(0),
    /** 'sent', 'pending' (queued here) or 'failed'. */
    state: text('state').notNull().default('sent'),
    error: text('error'),
  },
  (t) => [
    uniqueIndex('web_chat_messages_server_idx').on(t.serverId),
    uniqueIndex('web_chat_messages_local_idx').on(t.localId),
    index('web_chat_messages_thread_idx').on(t.sessionId, t.createdAtMs, t.rowId),
  ],
)
