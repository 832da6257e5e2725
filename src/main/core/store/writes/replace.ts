// Replacing a small collection whole: what the server sent is written, what it no longer
// sends is deleted — except rows with local changes, which stay as the user left them, and
// rows the outbox still has an action for (queries/unsettled-lanes.ts).
import { partition, type PageWrite } from './partition'

export interface ReplaceResult<K> extends PageWrite<K> {
  removed: K[]
  /** Rows the server no longer sent, kept because the read may not sweep (`sweep: false`). */
  kept: K[]
}

export interface CollectionOps<K, R> {
  keyOf(row: R): K
  /** Every stored row of the collection, by key. */
  stored(): ReadonlyMap<K, { localRevision: number }>
  /** Inserts or updates the rows (new and changed ones). */
  write(rows: R[]): void
  remove(keys: K[]): void
  /** Keys whose rows the outbox still has work for: never removed, whatever the read said. */
  busy?(): ReadonlySet<K>
}

/**
 * Call inside a transaction. `sweep: false` when the read may have missed rows (pages
 * whose items failed validation): what was sent is written, nothing is removed.
 */
export function replaceCollection<K, R extends object>(incoming: readonly R[], ops: CollectionOps<K, R>, sweep = true): ReplaceResult<K> {
  const stored = ops.stored()
  const { insert, update, result } = partition(incoming, ops.keyOf, stored)
  ops.write([...insert, ...update])
  const sent = new Set(incoming.map(ops.keyOf))
  const busy = ops.busy?.() ?? new Set<K>()
  const unsent = [...stored].filter(([key, row]) => !sent.has(key) && row.localRevision === 0 && !busy.has(key)).map(([key]) => key)
  if (!sweep) return { ...result, removed: [], kept: unsent }
  if (unsent.length > 0) ops.remove(unsent)
  return { ...result, removed: unsent, kept: [] }
}
