// Binary-search helpers that keep per-account indexes ordered without re-sorting per request.

export type Compare<T> = (a: T, b: T) => number

/** First index whose item is not before `item`. */
function lowerBound<T>(items: readonly T[], item: T, cmp: Compare<T>): number {
  let lo = 0
  let hi = items.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (cmp(items[mid] as T, item) < 0) lo = mid + 1
    else hi = mid
  }
  return lo
}

export function insertSorted<T>(items: T[], item: T, cmp: Compare<T>): void {
  items.splice(lowerBound(items, item, cmp), 0, item)
}

/** Removes `item` (by identity); `cmp` must order it where it was inserted. */
export function removeSorted<T>(items: T[], item: T, cmp: Compare<T>): boolean {
  let i = lowerBound(items, item, cmp)
  while (i < items.length && cmp(items[i] as T, item) === 0) {
    if (items[i] === item) {
      items.splice(i, 1)
      return true
    }
    i++
  }
  const fallback = items.indexOf(item)
  if (fallback >= 0) items.splice(fallback, 1)
  return fallback >= 0
}
