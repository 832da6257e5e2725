// Keeps messages_fts in step with the messages table. The index is external-content: it
// stores only the tokens of the normalised text, so removing a row means telling FTS5
// exactly what was indexed for it — which is why every change goes through here.
import { sql } from 'drizzle-orm'
import type { StoreDb } from '../db'
import { sqliteOf } from '../writes/upsert-rows'
import { mergeStep } from './merge-step'
import { normalizeForSearch } from './normalize'

export interface IndexedMessage {
  rowId: number
  content: string | null
}

// A message without text has no index entry; both functions apply the same rule.
const indexable = (m: IndexedMessage): m is { rowId: number; content: string } => m.content !== null && m.content !== ''

export function indexMessage(db: StoreDb, message: IndexedMessage): void {
  indexMessages(db, [message])
}

/** Indexes many messages through one compiled statement. */
export function indexMessages(db: StoreDb, list: readonly IndexedMessage[]): void {
  const insert = sqliteOf(db).prepare('INSERT INTO messages_fts(rowid, content) VALUES (?, ?)')
  for (const m of list) if (indexable(m)) insert.run(m.rowId, normalizeForSearch(m.content))
  if (list.length > 0) mergeStep(db, 'messages_fts')
}

/** `message` must carry the content as it was when it was indexed. */
export function unindexMessage(db: StoreDb, message: IndexedMessage): void {
  if (!indexable(message)) return
  db.run(
    sql`INSERT INTO messages_fts(messages_fts, rowid, content) VALUES ('delete', ${message.rowId}, ${normalizeForSearch(message.content)})`,
  )
}

/** Drops the whole index and builds it again from the messages table. */
export function reindexAllMessages(db: StoreDb): void {
  db.run(sql`INSERT INTO messages_fts(messages_fts) VALUES ('delete-all')`)
  indexMessages(db, db.all<IndexedMessage>(sql`SELECT row_id AS rowId, content FROM messages WHERE content IS NOT NULL`))
}
