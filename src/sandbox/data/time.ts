// Timestamps in the docs' form: ISO 8601 UTC in whole seconds with a zero microsecond part,
// e.g. 2026-03-04T12:00:00.000000Z (Laravel's default serialisation of a seconds column).

export function iso(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, '.000000Z')
}

export function isoOrNull(ms: number | null): string | null {
  return ms === null ? null : iso(ms)
}

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

/** Generated history ends on a fixed date derived from the seed, so the same seed gives the same data. */
export function baseDateForSeed(seed: number): number {
  return Date.UTC(2026, 2, 1, 12, 0, 0) + (Math.abs(seed) % 28) * DAY
}
