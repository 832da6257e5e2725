// Keeps messages_fts in step with the messages table. The index is external-content: it
// stores only the tokens of the normalised text, so removing a row means telling FTS5
// exactly what was indexed for it — which is why every change goes through here.
import { sql } from 'drizzle-orm'
import type { StoreDb } from '../db'
import { inChunks } from '../writes/upsert-rows'
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

/** Indexes many messages, a statement per hundred. */
export function indexMessages(db: StoreDb, list: readonly IndexedMessage[]): void {
  for (const chunk of inChunks(list.filter(indexable))) {
    const values = chunk.map((m) => sql`(${m.rowId}, ${normalizeForSearch(m.content!)})`)
    db.run(sql`INSERT INTO messages_fts(rowid, content) VALUES ${sql.join(values, sql`, `)}`)
  }
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
