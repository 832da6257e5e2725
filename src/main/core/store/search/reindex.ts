// Rebuilds the search indexes when the normalisation they were built with is not the
// current one: after the migration that creates them (on a file that already held data)
// and whenever normalizeForSearch changes meaning. The version lives in SQLite's
// user_version, which nothing else in the store uses.
import { sql } from 'drizzle-orm'
import { inTransaction, type StoreDb } from '../db'
import { reindexAllContacts } from './contact-index'
import { reindexAllMessages } from './message-index'

/** Raise when normalizeForSearch or the FTS tokenizers change, so old files re-index. */
export const searchIndexVersion = 1

/** Returns whether the indexes were rebuilt. */
export function ensureSearchIndex(db: StoreDb): boolean {
  // A file migrated only part of the way (as the migration tests do) has no index yet.
  const tables = db.all<{ name: string }>(
    sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('messages_fts', 'contacts_fts')`,
  )
  if (tables.length < 2) return false
  const row = db.get<{ user_version: number }>(sql`PRAGMA user_version`)
  if (row.user_version === searchIndexVersion) return false
  inTransaction(db, (tx) => {
    reindexAllMessages(tx)
    reindexAllContacts(tx)
    // In the same transaction: a crash leaves the old version and the rebuild runs again.
    tx.run(sql.raw(`PRAGMA user_version = ${searchIndexVersion}`))
  })
  return true
}
