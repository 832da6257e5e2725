// Every table whose rows the user changes offline, found among the schema's exports
// (schema/entity.ts): no list to keep. The outbox names rows, resolves local ids and
// rewrites references through these.
import { getTableColumns } from 'drizzle-orm'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import * as schema from './schema'
import { isLocalEntity, type LocalEntitySpec } from './schema/entity'

type Declared = { [K in keyof typeof schema]: (typeof schema)[K] extends LocalEntitySpec ? (typeof schema)[K] : never }[keyof typeof schema]

/** The name of every entity the outbox can change ('contact', 'kb-entry', …). */
export type EntityName = Declared['name']

/** The declaration of one entity, with its table's exact type. */
export type EntityOf<N extends EntityName> = Extract<Declared, { name: N }>

type Rows = { [E in Declared as E['name']]: E['table']['$inferSelect'] }

/** A row of that entity's table, as drizzle reads it. */
export type EntityRow<N extends EntityName> = Rows[N]

export const localEntities: readonly Declared[] = Object.values(schema).filter(isLocalEntity) as Declared[]

const byName = new Map<string, Declared>(localEntities.map((e) => [e.name, e]))

export function entity<N extends EntityName>(name: N): EntityOf<N> {
  const found = byName.get(name)
  if (!found) throw new Error(`No table declares the entity ${name}.`)
  return found as EntityOf<N>
}

/** The property drizzle gives a column in a row object (`rowId` for row_id). */
export function fieldOf(table: SQLiteTable, column: SQLiteColumn): string {
  const found = Object.entries(getTableColumns(table)).find(([, c]) => c === column)
  if (!found) throw new Error(`The column ${column.name} is not in its entity's table.`)
  return found[0]
}

/** The text that names a row of this entity in a snapshot of it, if it has one. */
export function labelOf(name: EntityName, row: Record<string, unknown>): string | null {
  const spec = entity(name)
  const value = spec.label ? row[fieldOf(spec.table, spec.label)] : undefined
  return typeof value === 'string' && value !== '' ? value : null
}

/** Which entity a payload field refers to ('contactId' → contact). */
export const entityByRefKey: ReadonlyMap<string, EntityName> = new Map(
  localEntities.flatMap((e) => (e.refKeys ?? []).map((key) => [key, e.name] as const)),
)

// Two declarations of one name, or one payload field claimed by two, would mix up ids.
for (const e of localEntities) if (localEntities.filter((o) => o.name === e.name).length > 1) throw new Error(`Two tables declare the entity ${e.name}.`)
