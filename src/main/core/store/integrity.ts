// A damaged page must be found when the file is opened, not months later halfway through a
// query (or never, by a page nobody reads again). `PRAGMA quick_check` walks every b-tree
// page of the file — it skips only the index-vs-table cross checks of integrity_check.
//
// When it runs: at every open of the core's connection (app start, account added, key
// replaced), before migrations touch the file. Measured at the sandbox's bench size (10k
// contacts, 2k conversations, 110k messages: a 28 MB file; scripts/bench-store-durability.ts)
// it took 80–145 ms on a busy shared machine, once per account per start — cheap enough not
// to need a schedule. The sync thread's second connection does not repeat it.
import type Database from 'better-sqlite3'
import { damaged } from './errors'

/** null when the file is sound, else SQLite's first finding. Throws SQLite's own error when it cannot even read it. */
export function quickCheck(sqlite: Database.Database): string | null {
  const rows = sqlite.pragma('quick_check(1)') as { quick_check: string }[]
  const finding = rows[0]?.quick_check ?? 'no answer'
  return finding === 'ok' ? null : finding
}

export function assertSound(sqlite: Database.Database, path: string): void {
  const finding = quickCheck(sqlite)
  if (finding !== null) throw damaged(path, new Error(`quick_check: ${finding}`))
}
