// Opens (creating if needed) the SQLite file of one account, ready to use: pragmas set,
// migrations applied, search index current. Nothing here runs at import time.
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { cacheStatements } from './statement-cache'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import type { StoreDb } from './db'
import { openError } from './errors'
import { assertSound } from './integrity'
import { applyMigrations, defaultMigrationsFolder, toFolderPath } from './migrate'
import { ensureSearchIndex } from './search/reindex'

export interface OpenStoreOptions {
  /** The account's database file. Its folder is created if missing. */
  path: string
  /** Defaults to the migrations shipped beside this module. */
  migrationsFolder?: string | URL
  /** How long to wait for another connection's lock before giving up (ms). */
  busyTimeoutMs?: number
  /**
   * False for a second connection to a file another one has already opened (an account's
   * sync thread): the schema is left as it is, neither migrated nor reindexed.
   */
  prepareSchema?: boolean
  /**
   * How hard each commit is pushed to disk. 'full' (the default: the core's connection,
   * which writes the outbox) fsyncs the WAL at every commit, so an action's queued row and
   * its in-flight mark survive a power cut — losing the mark could send an action twice.
   * 'normal' (the sync thread's connection) fsyncs only at checkpoints: a power cut may roll
   * back the last pages synced, never corrupt the file, and sync fetches them again. A FULL
   * commit also makes every WAL frame before it durable, so the two connections mix safely.
   */
  durability?: 'full' | 'normal'
  /**
   * Run `PRAGMA quick_check` before using the file; defaults to prepareSchema (the core's
   * connection). integrity.ts says what it costs and why it runs at every such open.
   */
  checkIntegrity?: boolean
}

export interface Store {
  readonly path: string
  /** The raw handle, for pragmas, backups and EXPLAIN; queries go through `db`. */
  readonly sqlite: Database.Database
  readonly db: StoreDb
  /** Tags of the migrations this open applied (empty when the file was current). */
  readonly appliedMigrations: readonly string[]
  close(): void
}

export function openStore(options: OpenStoreOptions): Store {
  const { path } = options
  let sqlite: Database.Database | undefined
  try {
    mkdirSync(dirname(path), { recursive: true })
    sqlite = new Database(path, { timeout: options.busyTimeoutMs ?? 5000 })
    // WAL: the UI reads while sync writes (on its own thread, through its own connection).
    // Durability per connection: see OpenStoreOptions.durability.
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma(`synchronous = ${options.durability === 'normal' ? 'NORMAL' : 'FULL'}`)
    // SQLite checkpoints inside the commit that crosses the threshold; at the default 1000
    // pages that commit held the main process ~8 ms. 250 pages keeps it near 2 ms with the
    // same throughput (measured on a first sync).
    sqlite.pragma('wal_autocheckpoint = 250')
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma('temp_store = MEMORY')
    const prepare = options.prepareSchema ?? true
    if (options.checkIntegrity ?? prepare) assertSound(sqlite, path)
    cacheStatements(sqlite)
    const db = drizzle({ client: sqlite })
    const appliedMigrations = prepare
      ? applyMigrations(sqlite, db, toFolderPath(options.migrationsFolder ?? defaultMigrationsFolder))
      : []
    if (prepare) ensureSearchIndex(db)
    const handle = sqlite
    return {
      path,
      sqlite: handle,
      db,
      appliedMigrations,
      close: () => {
        if (handle.open) handle.close()
      },
    }
  } catch (error) {
    if (sqlite?.open) sqlite.close()
    throw openError(error, path)
  }
}
