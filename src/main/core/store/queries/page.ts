// Shapes shared by the paged view queries.

export interface Page<T, C> {
  items: T[]
  /** Pass back as `before` for the next (older) page; null at the end. */
  next: C | null
}

/** Queries fetch one row more than asked, which tells whether another page exists. */
export function toPage<R, T, C>(rows: R[], limit: number, item: (row: R) => T, cursorOf: (row: R) => C): Page<T, C> {
  const more = rows.length > limit
  const kept = more ? rows.slice(0, limit) : rows
  const last = kept.at(-1)
  return { items: kept.map(item), next: more && last !== undefined ? cursorOf(last) : null }
}

export function clampLimit(limit: number | undefined, fallback = 50, max = 500): number {
  if (limit === undefined || !Number.isFinite(limit)) return fallback
  return Math.min(Math.max(Math.trunc(limit), 1), max)
}
