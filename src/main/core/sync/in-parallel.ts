// A few requests in flight at once: one at a time, a sync spends most of its time waiting
// for answers, and the rate budget (not this) is what keeps it under the server's limit.

/**
 * Runs `work` over the items, at most `width` at a time, in order of starting. Once one
 * fails no more start, and the first error is thrown when those running have settled, so
 * nothing is still writing when the caller moves on.
 */
export async function inParallel<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  let failure: { error: unknown } | undefined
  const lane = async (): Promise<void> => {
    while (!failure && next < items.length) {
      const item = items[next++]!
      try {
        await work(item)
      } catch (error) {
        failure ??= { error }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane))
  if (failure) throw failure.error
}
