// The database type every query and write function takes first. It is the base of both
// the drizzle database and a transaction, so callers may compose store writes with their
// own (the outbox writes a change and its queued action in one transaction).
import type { RunResult } from 'better-sqlite3'
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core'

export type StoreDb = BaseSQLiteDatabase<'sync', RunResult>

/**
 * Runs `work` in one transaction. IMMEDIATE takes the write lock up front, so a writer in
 * another connection makes us wait (busy_timeout) instead of failing halfway. Inside an
 * outer transaction this becomes a savepoint.
 */
export function inTransaction<T>(db: StoreDb, work: (tx: StoreDb) => T): T {
  return db.transaction((tx) => work(tx), { behavior: 'immediate' })
}
