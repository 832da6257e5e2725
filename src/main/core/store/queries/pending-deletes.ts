// Rows the user deleted whose delete still waits in the outbox: gone from the local copy,
// still on the server. Sync writes leave them out, so a poll cannot bring them back before
// the delete is carried out (or rolled back, which restores the row itself). Every delete
// is a `delete-<entity>` action on lane `<entity>:<id>` (outbox/actions/delete-row.ts), so
// one query serves every kind of row, present and future.
import { sql } from 'drizzle-orm'
import type { StoreDb } from '../db'
import type { EntityName } from '../entities'

export function pendingDeletes(db: StoreDb, entity: EntityName): Set<number> {
  const prefix = `${entity}:`
  // A failed delete that may still be retried keeps the row hidden too; a refused one was rolled back.
  const rows = db.all<{ id: number | null }>(sql`
    SELECT CAST(substr(lane, ${prefix.length + 1}) AS INTEGER) AS id FROM outbox_actions
    WHERE kind = ${`delete-${entity}`} AND substr(lane, 1, ${prefix.length}) = ${prefix}
      AND (state IN ('queued', 'in-flight') OR (state = 'failed' AND json_extract(last_error, '$.retryable') = 1))`)
  return new Set(rows.flatMap((r) => (r.id === null ? [] : [r.id])))
}

export function withoutPendingDeletes<T>(db: StoreDb, entity: EntityName, rows: readonly T[], idOf: (row: T) => number): T[] {
  const pending = pendingDeletes(db, entity)
  return pending.size === 0 ? [...rows] : rows.filter((row) => !pending.has(idOf(row)))
}
