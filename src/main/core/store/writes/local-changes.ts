// The marker the outbox sets on a row while a change to it is queued, so sync leaves the
// row as the user left it. Each queued change raises the revision by one and each change
// carried out (or discarded) lowers it, so overlapping changes to one row hold it until
// the last is done.
import { eq, sql, type SQL } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import type { StoreDb } from '../db'
import { entity, type EntityName } from '../entities'
import { notFound } from '../errors'
import { t } from '../../language'

/** A row the outbox changes: its entity (schema/entity.ts) and its key (a conversation's is its contact's id). */
export interface LocalEntity {
  kind: EntityName
  id: number
}

function target(row: LocalEntity) {
  const spec = entity(row.kind)
  if (!spec.revision) throw new Error(`The entity ${row.kind} has no revision column to hold.`)
  const label = row.kind === 'account' ? t().store_the_account() : { kind: row.kind, id: row.id, noun: spec.noun }
  return { table: spec.table, key: spec.key, revision: spec.revision, value: row.id, label }
}

function shift(db: StoreDb, entity: LocalEntity, next: (revision: SQLiteColumn) => SQL): number {
  const at = target(entity)
  const row = db.get<{ revision: number } | undefined>(
    sql`UPDATE ${at.table} SET ${sql.identifier(at.revision.name)} = ${next(at.revision)} WHERE ${eq(at.key, at.value)} RETURNING ${at.revision} AS revision`,
  )
  if (!row) throw notFound(at.label)
  return row.revision
}

/** Throws `not-found` (with the row's name) unless the local copy has this row. */
export function requireLocal(db: StoreDb, entity: LocalEntity): void {
  const at = target(entity)
  if (!db.get(sql`SELECT 1 AS found FROM ${at.table} WHERE ${eq(at.key, at.value)}`)) throw notFound(at.label)
}

/** A change to this row was queued; returns the row's new revision. */
export function holdForLocalChange(db: StoreDb, entity: LocalEntity): number {
  return shift(db, entity, (column) => sql`${column} + 1`)
}

/** A queued change was carried out or discarded; at 0 sync may overwrite the row again. */
export function releaseLocalChange(db: StoreDb, entity: LocalEntity): number {
  return shift(db, entity, (column) => sql`max(${column} - 1, 0)`)
}
