// Support tickets, their reply threads, and the departments a ticket can go to.
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { localRevision } from './columns'
import { localEntity } from './entity'

export const tickets = sqliteTable(
  'tickets',
  {
    /** The server's id; negative for a ticket created offline and not yet sent. */
    id: integer('id').primaryKey(),
    /** The human-readable reference code (ABX9Y2KL); null until the server has made it. */
    reference: text('reference'),
    subject: text('subject').notNull(),
    priority: text('priority').notNull(),
    status: text('status').notNull(),
    departmentId: integer('department_id'),
    departmentTitle: text('department_title'),
    lastReplyAt: text('last_reply_at'),
    createdAt: text('created_at'),
    createdAtMs: integer('created_at_ms').notNull().default(0),
    updatedAt: text('updated_at'),
    /** The ticket's `last_reply_at`/`updated_at` when its replies were last read: re-read when it moves. */
    repliesMarker: text('replies_marker'),
    localRevision: localRevision(),
  },
  (t) => [index('tickets_recent_idx').on(t.createdAtMs, t.id), index('tickets_status_idx').on(t.status)],
)

export const ticketReplies = sqliteTable(
  'ticket_replies',
  {
    rowId: integer('row_id').primaryKey({ autoIncrement: true }),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    /** null while a reply written here waits in the outbox. */
    serverId: integer('server_id'),
    /** The outbox's handle on a reply written here. */
    localId: text('local_id'),
    message: text('message').notNull(),
    fromSupport: integer('from_support', { mode: 'boolean' }).notNull(),
    author: text('author'),
    createdAt: text('created_at'),
    createdAtMs: integer('created_at_ms').notNull().default(0),
    /** 'sent', 'pending' (queued here) or 'failed' (refused; the error says why). */
    state: text('state').notNull().default('sent'),
    error: text('error'),
  },
  (t) => [
    uniqueIndex('ticket_replies_server_idx').on(t.serverId),
    uniqueIndex('ticket_replies_local_idx').on(t.localId),
    index('ticket_replies_thread_idx').on(t.ticketId, t.createdAtMs, t.rowId),
  ],
)

export const ticketDepartments = sqliteTable('ticket_departments', {
  id: integer('id').primaryKey(),
  title: text('title').notNull(),
  /** The server's order: the first is where a ticket without a department goes. */
  position: integer('position').notNull(),
  localRevision: localRevision(),
})

export const ticketEntity = localEntity({ name: 'ticket', noun: 'ticket', table: tickets, key: tickets.id, revision: tickets.localRevision, label: tickets.subject, refKeys: ['ticketId'] })

export const ticketDepartmentEntity = localEntity({ name: 'ticketDepartment', noun: 'department', table: ticketDepartments, key: ticketDepartments.id, revision: ticketDepartments.localRevision, label: ticketDepartments.title })
