// A conversation's messages, newest first, one page at a time going back in time.
import { and, desc, eq, sql } from 'drizzle-orm'
import type { StoreDb } from '../db'
import { messages } from '../schema/messages'
import { clampLimit, toPage, type Page } from './page'

export interface ThreadCursor {
  at: number
  rowId: number
}

export interface MessageItem {
  rowId: number
  serverId: number | null
  localId: string | null
  contactId: number
  direction: string | null
  channel: string | null
  content: string | null
  status: string | null
  error: string | null
  sentAt: string | null
  createdAt: string | null
  /** Written or changed in the app and not yet carried out by the outbox. */
  pending: boolean
}

export interface ThreadPageOptions {
  contactId: number
  limit?: number
  before?: ThreadCursor
}

/** The statement behind threadPage (exposed so tests can check its query plan). */
export function threadPageQuery(db: StoreDb, options: ThreadPageOptions) {
  const { before } = options
  return db
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.contactId, options.contactId),
        before && sql`(${messages.sortAtMs}, ${messages.rowId}) < (${before.at}, ${before.rowId})`,
      ),
    )
    .orderBy(desc(messages.sortAtMs), desc(messages.rowId))
    .limit(clampLimit(options.limit) + 1)
}

export function threadPage(db: StoreDb, options: ThreadPageOptions): Page<MessageItem, ThreadCursor> {
  return toPage(
    threadPageQuery(db, options).all(),
    clampLimit(options.limit),
    ({ sortAtMs: _at, unseen: _unseen, localRevision, ...row }) => ({ ...row, pending: localRevision > 0 }),
    (row) => ({ at: row.sortAtMs, rowId: row.rowId }),
  )
}
