// A conversation from its newest message back to a given one: what the thread shows when
// the user jumps to a search hit, so the hit is in the list with everything after it.
import { sql } from 'drizzle-orm'
import type { StoreDb } from '../db'
import { notFound } from '../errors'
import { clampLimit } from './page'
import { threadPage, type MessageItem, type ThreadCursor } from './thread'
import type { Page } from './page'

/** Past this many newer messages the jump shows the newest ones only; threads that long are rare. */
const MAX_NEWER = 5000

export function threadThrough(db: StoreDb, contactId: number, rowId: number, limit?: number): Page<MessageItem, ThreadCursor> {
  const target = db.get<{ at: number } | undefined>(
    sql`SELECT sort_at_ms AS at FROM messages WHERE row_id = ${rowId} AND contact_id = ${contactId}`,
  )
  if (!target) throw notFound({ kind: 'message', id: rowId })
  const newer = db.get<{ n: number }>(sql`
    SELECT count(*) AS n FROM messages
    WHERE contact_id = ${contactId} AND (sort_at_ms, row_id) >= (${target.at}, ${rowId})`).n
  const wanted = Math.min(newer, MAX_NEWER) + clampLimit(limit)
  // threadPage caps one page at 500 rows; longer reaches are read page by page.
  const items: MessageItem[] = []
  let next: ThreadCursor | null = null
  do {
    const page = threadPage(db, { contactId, limit: Math.min(500, wanted - items.length), ...(next ? { before: next } : {}) })
    items.push(...page.items)
    next = page.next
  } while (next && items.length < wanted)
  return { items, next }
}
