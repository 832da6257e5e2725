// Timestamps are stored as the ISO text the API sent; where views sort or compare, an
// epoch-ms column is parsed from it here.

/** Epoch ms of the first parsable timestamp, or 0 (sorts last, newest-first). */
export function epochMs(...timestamps: (string | null | undefined)[]): number {
  for (const value of timestamps) {
    if (!value) continue
    const ms = Date.parse(value)
    if (Number.isFinite(ms)) return ms
  }
  return 0
}
