// Replacing a small collection whole: what the server sent is written, what it no longer
// sends is deleted — except rows with local changes, which stay as the user left them.
import { partition, type PageWrite } from './partition'

export interface ReplaceResult<K> extends PageWrite<K> {
  removed: K[]
}

export interface CollectionOps<K, R> {
  keyOf(row: R): K
  /** Every stored row of the collection, by key. */
  stored(): ReadonlyMap<K, { localRevision: number }>
  /** Inserts or updates the rows (new and changed ones). */
  write(rows: R[]): void
  remove(keys: K[]): void
}

/** Call inside a transaction. */
export function replaceCollection<K, R extends object>(incoming: readonly R[], ops: CollectionOps<K, R>): ReplaceResult<K> {
  const stored = ops.stored()
  const { insert, update, result } = partition(incoming, ops.keyOf, stored)
  ops.write([...insert, ...update])
  const sent = new Set(incoming.map(ops.keyOf))
  const removed = [...stored].filter(([key, row]) => !sent.has(key) && row.localRevision === 0).map(([key]) => key)
  if (removed.length > 0) ops.remove(removed)
  return { ...result, removed }
}
