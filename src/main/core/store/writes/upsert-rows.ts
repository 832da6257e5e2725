// Writes a page of rows as one multi-row statement instead of one statement a row: drizzle
// builds each query in JavaScript, and a row at a time that cost kept a 100-row page
// above one frame (16 ms) of the main process.
import { getTableColumns, sql, type SQL } from 'drizzle-orm'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { StoreDb } from '../db'

/** Rows per statement; 100 rows of ~20 columns stay far below SQLite's parameter limit. */
export const ROWS_PER_STATEMENT = 100

export function inChunks<T>(rows: readonly T[], size = ROWS_PER_STATEMENT): T[][] {
  const out: T[][] = []
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size))
  return out
}

/** Inserts the rows, or updates the columns they carry where `target` already exists. */
export function upsertRows(
  db: StoreDb,
  table: SQLiteTable,
  rows: readonly Record<string, unknown>[],
  target: SQLiteColumn | SQLiteColumn[],
): void {
  if (rows.length === 0) return
  const columns = getTableColumns(table) as Record<string, SQLiteColumn>
  const set: Record<string, SQL> = {}
  // Every row comes from the same toRow function, so the first row's keys are everyone's.
  for (const key of Object.keys(rows[0]!)) {
    const column = columns[key]
    if (column) set[key] = sql.raw(`excluded."${column.name}"`)
  }
  for (const chunk of inChunks(rows)) {
    db.insert(table)
      .values(chunk as never)
      .onConflictDoUpdate({ target, set })
      .run()
  }
}
