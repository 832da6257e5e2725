// The rows that hang on a row by a cascading foreign key (a contact's messages, tags, notes,
// memberships and conversation; a campaign's delivery rows), found from the schema itself so
// a new child table needs no entry here. A queued delete keeps them with the row it removes,
// and a refused delete puts them all back: without them the user would see a contact return
// with no conversation or lists, or a campaign with no deliveries, until a full pass.
import { eq, getTableColumns, is } from 'drizzle-orm'
import { getTableConfig, SQLiteTable, type SQLiteColumn } from 'drizzle-orm/sqlite-core'
import type { StoreDb } from '../db'
import * as schema from '../schema'
import { indexMessages } from '../search/message-index'

export type ChildRows = Record<string, Record<string, unknown>[]>

interface ChildTable {
  table: SQLiteTable
  name: string
  column: SQLiteColumn
}

const tables: SQLiteTable[] = (Object.values(schema) as unknown[]).filter((value: unknown): value is SQLiteTable => is(value, SQLiteTable))

function childrenOf(parent: SQLiteTable): ChildTable[] {
  return tables.flatMap((table) =>
    getTableConfig(table)
      .foreignKeys.map((fk) => fk.reference())
      .filter((ref) => ref.foreignTable === parent && ref.columns.length === 1)
      .map((ref) => ({ table, name: getTableConfig(table).name, column: ref.columns[0]! })),
  )
}

/** Every child row of `parent`'s row `id`, by table name (read before the row is deleted). */
export function readChildren(db: StoreDb, parent: SQLiteTable, id: number): ChildRows {
  const rows: ChildRows = {}
  for (const child of childrenOf(parent)) {
    const found = db.select().from(child.table).where(eq(child.column, id)).all() as Record<string, unknown>[]
    if (found.length > 0) rows[child.name] = found
  }
  return rows
}

/** Puts back what readChildren read, after the parent row is back; the search index too. */
export function restoreChildren(db: StoreDb, parent: SQLiteTable, rows: ChildRows): void {
  for (const child of childrenOf(parent)) {
    const list = rows[child.name]
    if (!list?.length) continue
    const columns = getTableColumns(child.table) as Record<string, unknown>
    // Only known columns: a payload written by an older version may lack or add some.
    const values = list.map((row) => Object.fromEntries(Object.entries(row).filter(([key]) => key in columns)))
    db.insert(child.table).values(values as never).onConflictDoNothing().run()
    if (child.table === schema.messages) {
      indexMessages(db, values.map((m) => ({ rowId: Number(m.rowId), content: (m.content as string | null) ?? null })))
    }
  }
}
