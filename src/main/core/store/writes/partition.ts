// Sorts an incoming page against what the store already holds, so each upsert can skip
// rows with queued local changes, leave identical rows alone, and tell the sync engine
// what was new or changed (incremental sync stops at a page with nothing new).

export interface PageWrite<K> {
  inserted: K[]
  updated: K[]
  unchanged: K[]
  /** Not written: the stored row has local changes waiting in the outbox. */
  skipped: K[]
}

export interface Partitioned<K, R> {
  insert: R[]
  update: R[]
  result: PageWrite<K>
}

/**
 * `existing` holds the stored rows by key; a stored row is compared on the fields the
 * incoming row carries. Later duplicates of a key in one page win (pages can overlap).
 */
export function partition<K, R extends object>(
  incoming: readonly R[],
  keyOf: (row: R) => K,
  existing: ReadonlyMap<K, { localRevision: number }>,
): Partitioned<K, R> {
  const latest = new Map<K, R>()
  for (const row of incoming) latest.set(keyOf(row), row)
  const out: Partitioned<K, R> = { insert: [], update: [], result: { inserted: [], updated: [], unchanged: [], skipped: [] } }
  for (const [key, row] of latest) {
    const stored = existing.get(key)
    if (!stored) {
      out.insert.push(row)
      out.result.inserted.push(key)
    } else if (stored.localRevision > 0) {
      out.result.skipped.push(key)
    } else if (sameFields(row, stored)) {
      out.result.unchanged.push(key)
    } else {
      out.update.push(row)
      out.result.updated.push(key)
    }
  }
  return out
}

function sameFields(row: object, stored: object): boolean {
  const old = stored as Record<string, unknown>
  return Object.entries(row).every(([field, value]) => equal(value, old[field]))
}

// Values are SQLite scalars or JSON columns (arrays and plain objects).
function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  return JSON.stringify(a) === JSON.stringify(b)
}
