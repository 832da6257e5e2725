// Rows the outbox still has work for: an action queued, in flight, or failed but to be
// retried on the row's lane (`<entity>:<key>`, outbox/actions). A sweep leaves them alone:
// the row, and what hangs off it (a reply still to be sent, a product still to be added),
// stays the user's until the action settles, whatever one read of the server said.
import { sql } from 'drizzle-orm'
import type { StoreDb } from '../db'

/** Keys of rows whose lane `<lane>:<key>` has an unsettled action. */
export function unsettledKeys(db: StoreDb, lane: string): Set<string> {
  const prefix = `${lane}:`
  const rows = db.all<{ key: string }>(sql`
    SELECT DISTINCT substr(lane, ${prefix.length + 1}) AS key FROM outbox_actions
    WHERE substr(lane, 1, ${prefix.length}) = ${prefix}
      AND (state IN ('queued', 'in-flight') OR (state = 'failed' AND json_extract(last_error, '$.retryable') = 1))`)
  return new Set(rows.map((r) => r.key))
}

/** The same, for rows keyed by a number. */
export function unsettledIds(db: StoreDb, lane: string): Set<number> {
  return new Set([...unsettledKeys(db, lane)].map(Number).filter(Number.isInteger))
}
