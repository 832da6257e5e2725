// The limiter's window arithmetic on a clock the test moves (the limiter takes its clock as
// a parameter; over HTTP it runs on real time, which conventions.test.ts covers).
import { describe, expect, it } from 'vitest'
import { FixedWindowLimiter } from '../../src/sandbox/http/rate-limit'

function limiterAt(start: number, limit = 3, windowMs = 60_000) {
  const clock = { now: start }
  return { clock, limiter: new FixedWindowLimiter({ limit, windowMs }, () => clock.now) }
}

describe('fixed-window rate limit', () => {
  it('lets a whole window through after waiting out a 429, however the earlier requests were spread', () => {
    const { clock, limiter } = limiterAt(1_000_000)
    expect(limiter.check('k').allowed).toBe(true)
    clock.now += 30_000
    expect(limiter.check('k').allowed).toBe(true)
    clock.now += 29_000
    expect(limiter.check('k').allowed).toBe(true)
    const refused = limiter.check('k')
    expect(refused).toMatchObject({ allowed: false, retryAfter: 1 })
    expect(refused.headers).toEqual({
      'X-RateLimit-Limit': '3', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String((1_000_000 + 60_000) / 1000), 'Retry-After': '1',
    })
    // A sliding window would free one slot here; the fixed window resets whole.
    clock.now = 1_060_000
    const after = [limiter.check('k'), limiter.check('k'), limiter.check('k')]
    expect(after.map((d) => d.allowed)).toEqual([true, true, true])
    expect(after.map((d) => d.headers['X-RateLimit-Remaining'])).toEqual(['2', '1', '0'])
    expect(after[0]!.headers['X-RateLimit-Reset']).toBe(String((1_060_000 + 60_000) / 1000))
    expect(limiter.check('k').allowed).toBe(false)
  })

  it('keeps one window per key and does not count refusals', () => {
    const { clock, limiter } = limiterAt(5_000, 1, 1000)
    expect(limiter.check('a').allowed).toBe(true)
    for (let i = 0; i < 5; i++) expect(limiter.check('a').allowed).toBe(false)
    expect(limiter.check('b').allowed).toBe(true)
    clock.now = 6_000
    expect(limiter.check('a').allowed).toBe(true)
  })

  it('starts afresh when reconfigured', () => {
    const { limiter } = limiterAt(0, 1, 1000)
    limiter.check('k')
    limiter.configure({ limit: 2, windowMs: 500 })
    expect(limiter.settings).toEqual({ limit: 2, windowMs: 500 })
    expect(limiter.check('k').headers['X-RateLimit-Remaining']).toBe('1')
  })
})
