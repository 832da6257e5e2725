// What the outbox needs to know about a table whose rows the user changes offline, declared
// beside the table: the name actions, lanes and local ids use, how the user calls one, the
// key and revision columns, the column that names a row, and the payload fields that refer
// to one. The store finds every declaration among the schema's exports (store/entities.ts),
// so a new table is known to the outbox the moment its schema file declares it.
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'

export interface LocalEntitySpec<N extends string = string, T extends SQLiteTable = SQLiteTable> {
  readonly localEntity: true
  /** `delete-<name>`, lane `<name>:<id>`, its local-id sequence, payload references. */
  readonly name: N
  /** How a sentence names one: 'contact', 'knowledge base entry'. */
  readonly noun: string
  readonly table: T
  /** The column an action names the row by (usually `id`). */
  readonly key: SQLiteColumn
  /** Its localRevision column (schema/columns.ts). */
  readonly revision?: SQLiteColumn
  /** The column whose text names a row in the outbox's summaries. */
  readonly label?: SQLiteColumn
  /** Payload fields that hold this entity's id (`contactId`, `contact_ids`). */
  readonly refKeys?: readonly string[]
}

export function localEntity<const N extends string, T extends SQLiteTable>(spec: Omit<LocalEntitySpec<N, T>, 'localEntity'>): LocalEntitySpec<N, T> {
  return { ...spec, localEntity: true }
}

export function isLocalEntity(value: unknown): value is LocalEntitySpec {
  return typeof value === 'object' && value !== null && (value as { localEntity?: unknown }).localEntity === true
}
