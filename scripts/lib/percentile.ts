// The p-th percentile by nearest rank: the smallest value with at least p% of the values at
// or below it. Of 20 samples, p95 is the 19th (the one slowest left out), p50 the 10th.
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((sorted.length * p) / 100) - 1))] ?? NaN
}
