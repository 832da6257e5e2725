// Sync writes a page of rows with one compiled statement run once a row. drizzle builds
// each query in JavaScript, walking every parameter; for a 100-row page that building,
// not SQLite, was most of the work and kept pages above one frame (16 ms) of the main
// process. Here the SQL text is built once per shape and SQLite's statement is reused
// (the connection caches it, see statement-cache.ts).
import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import type Database from 'better-sqlite3'
import type { StoreDb } from '../db'

/**
 * The connection under a database or a transaction (both share drizzle's session). drizzle
 * has no public way to reach it from a transaction; a test pins this down for upgrades.
 */
export function sqliteOf(db: StoreDb): Database.Database {
  return (db as unknown as { session: { client: Database.Database } }).session.client
}

/** `column IN (ids)` as one JSON parameter instead of one parameter an id. */
export function inIds(column: SQLiteColumn, ids: readonly (number | string)[]): SQL {
  return sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`
}

interface Shape {
  sql: string
  columns: SQLiteColumn[]
}

const shapes = new Map<string, Shape>()

function shapeOf(table: SQLiteTable, keys: readonly string[], kind: string, tail: (names: string[]) => string): Shape {
  const id = `${getTableName(table)}|${kind}|${keys.join(',')}`
  let shape = shapes.get(id)
  if (!shape) {
    const all = getTableColumns(table) as Record<string, SQLiteColumn>
    const columns = keys.map((key) => {
      const column = all[key]
      if (!column) throw new Error(`${getTableName(table)} has no column ${key}`)
      return column
    })
    const names = columns.map((c) => `"${c.name}"`)
    shape = {
      sql: `INSERT INTO "${getTableName(table)}" (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})${tail(names)}`,
      columns,
    }
    shapes.set(id, shape)
  }
  return shape
}

/** A row's values as SQLite takes them (booleans as 0/1, JSON columns as text). */
function parameters(shape: Shape, keys: readonly string[], row: Record<string, unknown>): unknown[] {
  return keys.map((key, i) => {
    const value = row[key]
    return value === null || value === undefined ? null : shape.columns[i]!.mapToDriverValue(value)
  })
}

/** Inserts the rows, or updates the columns they carry where `target` already exists. */
export function upsertRows(
  db: StoreDb,
  table: SQLiteTable,
  rows: readonly Record<string, unknown>[],
  target: SQLiteColumn | SQLiteColumn[],
): void {
  if (rows.length === 0) return
  // Every row comes from the same toRow function, so the first row's keys are everyone's.
  const keys = Object.keys(rows[0]!)
  const targets = (Array.isArray(target) ? target : [target]).map((c) => `"${c.name}"`)
  const shape = shapeOf(table, keys, `upsert:${targets.join(',')}`, (names) => {
    const set = names.filter((n) => !targets.includes(n)).map((n) => `${n} = excluded.${n}`)
    return ` ON CONFLICT (${targets.join(', ')}) DO ${set.length ? `UPDATE SET ${set.join(', ')}` : 'NOTHING'}`
  })
  const statement = sqliteOf(db).prepare(shape.sql)
  for (const row of rows) statement.run(parameters(shape, keys, row))
}

/** Inserts the rows; with `ignoreConflicts`, a row whose key exists is skipped. */
export function insertRows(db: StoreDb, table: SQLiteTable, rows: readonly Record<string, unknown>[], ignoreConflicts = false): void {
  if (rows.length === 0) return
  const keys = Object.keys(rows[0]!)
  const shape = shapeOf(table, keys, ignoreConflicts ? 'insert-ignore' : 'insert', () => (ignoreConflicts ? ' ON CONFLICT DO NOTHING' : ''))
  const statement = sqliteOf(db).prepare(shape.sql)
  for (const row of rows) statement.run(parameters(shape, keys, row))
}

/** Inserts the rows and returns each new row's rowid, in order. */
export function insertRowsReturningIds(db: StoreDb, table: SQLiteTable, rows: readonly Record<string, unknown>[]): number[] {
  if (rows.length === 0) return []
  const keys = Object.keys(rows[0]!)
  const shape = shapeOf(table, keys, 'insert', () => '')
  const statement = sqliteOf(db).prepare(shape.sql)
  return rows.map((row) => Number(statement.run(parameters(shape, keys, row)).lastInsertRowid))
}
