// Rows the user deleted whose delete still waits in the outbox: gone from the local copy,
// still on the server. Sync writes leave them out, so a poll cannot bring them back before
// the delete is carried out (or rolled back, which restores the row itself).
import { sql } from 'drizzle-orm'
import type { StoreDb } from '../db'

const DELETES = {
  media: { kind: 'delete-media', id: '$.mediaId' },
  campaign: { kind: 'delete-campaign', id: '$.campaignId' },
  contact: { kind: 'delete-contact', id: '$.contactId' },
} as const

export type DeletableEntity = keyof typeof DELETES

export function pendingDeletes(db: StoreDb, entity: DeletableEntity): Set<number> {
  const { kind, id } = DELETES[entity]
  // A failed delete that may still be retried keeps the row hidden too; a refused one was rolled back.
  const rows = db.all<{ id: number | null }>(sql`
    SELECT json_extract(payload, ${id}) AS id FROM outbox_actions
    WHERE kind = ${kind}
      AND (state IN ('queued', 'in-flight') OR (state = 'failed' AND json_extract(last_error, '$.retryable') = 1))`)
  return new Set(rows.flatMap((r) => (r.id === null ? [] : [r.id])))
}

export function withoutPendingDeletes<T>(db: StoreDb, entity: DeletableEntity, rows: readonly T[], idOf: (row: T) => number): T[] {
  const pending = pendingDeletes(db, entity)
  return pending.size === 0 ? [...rows] : rows.filter((row) => !pending.has(idOf(row)))
}
