// Brings a store file up to the schema this build of the app knows, using the migrations
// drizzle-kit generated (meta/_journal.json lists them in order).
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type Database from 'better-sqlite3'
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { StoreError } from './errors'
import { t } from '../language'

export interface JournalEntry {
  idx: number
  when: number
  tag: string
}

/**
 * Where the migrations ship beside this module; packaging may copy them elsewhere. Built
 * from the module's path with Node's own URL parsing: a page's global URL (jsdom's, in the
 * renderer tests that read the core's real answers) resolves file: URLs differently.
 */
export const defaultMigrationsFolder = join(dirname(fileURLToPath(import.meta.url)), 'migrations')

export function toFolderPath(folder: string | URL): string {
  return folder instanceof URL ? fileURLToPath(folder) : folder
}

export function readJournal(migrationsFolder: string): JournalEntry[] {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: JournalEntry[]
  }
  return journal.entries
}

/** `created_at` of the newest applied migration (drizzle records the journal's `when`). */
function lastAppliedAt(sqlite: Database.Database): number | null {
  const table = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'`).get()
  if (!table) return null
  const row = sqlite.prepare('SELECT max(created_at) AS at FROM __drizzle_migrations').get() as { at: number | null }
  return row.at === null ? null : Number(row.at)
}

/**
 * Applies the migrations the file has not had yet, all in one transaction (drizzle's
 * migrator), and returns their tags. Refuses a file written by a newer app version, whose
 * schema this build does not know.
 */
export function applyMigrations(sqlite: Database.Database, db: BetterSQLite3Database, migrationsFolder: string): string[] {
  const entries = readJournal(migrationsFolder)
  const last = lastAppliedAt(sqlite)
  const newest = entries.at(-1)?.when ?? 0
  if (last !== null && last > newest) {
    throw new StoreError(
      'too-new',
      t().store_too_new(),
    )
  }
  const pending = entries.filter((entry) => last === null || entry.when > last)
  if (pending.length === 0) return []

  // A migration that rebuilds a table drops the old one; with foreign keys on, that drop
  // would cascade-delete the rows that point at it. SQLite's documented procedure: keys
  // off (the pragma is ignored inside a transaction, so here, before it), migrate, check.
  sqlite.pragma('foreign_keys = OFF')
  try {
    migrate(db, { migrationsFolder })
    const broken = sqlite.pragma('foreign_key_check') as unknown[]
    if (broken.length > 0) {
      throw new StoreError('migration-failed', `Updating the local data left ${broken.length} broken references.`)
    }
  } catch (error) {
    if (error instanceof StoreError || hasSqliteCode(error, /^SQLITE_(BUSY|LOCKED|READONLY|FULL|CORRUPT|NOTADB|CANTOPEN|IOERR)/)) {
      throw error
    }
    throw new StoreError(
      'migration-failed',
      'SkyLight Desk could not update this account’s local data to the new version. Nothing was changed; remove the account and add it again if this keeps happening.',
      { cause: error },
    )
  } finally {
    sqlite.pragma('foreign_keys = ON')
  }
  return pending.map((entry) => entry.tag)
}

function hasSqliteCode(error: unknown, pattern: RegExp): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && pattern.test(String(error.code))
}
