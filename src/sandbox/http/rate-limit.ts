// Per-key fixed window, as the rate-limits docs page describes it ("120 requests per minute
// per API key", X-RateLimit-Reset = the unix time the window resets) and as Laravel's
// throttle counts: a key's window opens at its first request, allows `limit` requests, and
// resets whole `windowMs` later. A client that waits out a 429 gets a full window back.
// Refused requests are not counted.
import type { RateLimitOptions } from '../options'

export interface RateDecision {
  allowed: boolean
  headers: Record<string, string>
  /** Whole seconds until the window resets (≥ 1); only meaningful when refused. */
  retryAfter: number
}

export const TOO_MANY_REQUESTS_MESSAGE = 'Too many requests. Please slow down.'

interface Window {
  /** When the window ends (epoch ms). */
  resetsAt: number
  used: number
}

export class FixedWindowLimiter {
  private readonly windows = new Map<string, Window>()

  constructor(
    private config: RateLimitOptions,
    private readonly clock: () => number = Date.now,
  ) {}

  get settings(): RateLimitOptions {
    return { ...this.config }
  }

  configure(config: RateLimitOptions): void {
    this.config = { ...config }
    this.windows.clear()
  }

  check(key: string): RateDecision {
    const now = this.clock()
    const { limit, windowMs } = this.config
    let window = this.windows.get(key)
    if (!window || now >= window.resetsAt) {
      window = { resetsAt: now + windowMs, used: 0 }
      this.windows.set(key, window)
    }
    const allowed = window.used < limit
    if (allowed) window.used++
    const headers: Record<string, string> = {
      'X-RateLimit-Limit': String(limit),
      'X-RateLimit-Remaining': String(limit - window.used),
      'X-RateLimit-Reset': String(Math.ceil(window.resetsAt / 1000)),
    }
    const retryAfter = Math.max(1, Math.ceil((window.resetsAt - now) / 1000))
    if (!allowed) headers['Retry-After'] = String(retryAfter)
    return { allowed, headers, retryAfter }
  }
}
