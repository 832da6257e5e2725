// Per-key sliding window: a request is allowed only if fewer than `limit` requests were
// allowed in the `windowMs` before it (the strictest reading of "120 per minute").
// Refused requests are not counted, so a client that waits as told always gets through.
import type { RateLimitOptions } from '../options'

export interface RateDecision {
  allowed: boolean
  headers: Record<string, string>
  /** Whole seconds until a slot frees (≥ 1); only meaningful when refused. */
  retryAfter: number
}

export const TOO_MANY_REQUESTS_MESSAGE = 'Too many requests. Please slow down.'

export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>()

  constructor(
    private config: RateLimitOptions,
    private readonly clock: () => number = Date.now,
  ) {}

  get settings(): RateLimitOptions {
    return { ...this.config }
  }

  configure(config: RateLimitOptions): void {
    this.config = { ...config }
    this.hits.clear()
  }

  check(key: string): RateDecision {
    const now = this.clock()
    const { limit, windowMs } = this.config
    let times = this.hits.get(key)
    if (!times) {
      times = []
      this.hits.set(key, times)
    }
    // Forget hits that left the window (times are ascending).
    let expired = 0
    while (expired < times.length && (times[expired] as number) <= now - windowMs) expired++
    if (expired > 0) times.splice(0, expired)
    const allowed = times.length < limit
    if (allowed) times.push(now)
    const oldest = times[0] ?? now
    const freesAt = oldest + windowMs
    const headers: Record<string, string> = {
      'X-RateLimit-Limit': String(limit),
      'X-RateLimit-Remaining': String(Math.max(0, limit - times.length)),
      'X-RateLimit-Reset': String(Math.ceil(freesAt / 1000)),
    }
    const retryAfter = Math.max(1, Math.ceil((freesAt - now) / 1000))
    if (!allowed) headers['Retry-After'] = String(retryAfter)
    return { allowed, headers, retryAfter }
  }
}
