import { describe, expect, it } from 'vitest'
import { backoffDelay, rateLimitRemaining, retryAfterMs } from '../../../src/main/core/skylight/retry-policy'
import { parseBaseUrl } from '../../../src/main/core/skylight/client'

describe('retry policy', () => {
  it('grows exponentially with jitter, never instant, capped', () => {
    const low = () => 0
    const high = () => 1
    expect(backoffDelay(0, { baseMs: 100, maxMs: 1000, random: low })).toBe(50)
    expect(backoffDelay(0, { baseMs: 100, maxMs: 1000, random: high })).toBe(100)
    expect(backoffDelay(3, { baseMs: 100, maxMs: 1000, random: high })).toBe(800)
    expect(backoffDelay(10, { baseMs: 100, maxMs: 1000, random: high })).toBe(1000)
  })

  it('reads the wait from the body, the Retry-After header (seconds or date) or the reset time', () => {
    const now = Date.parse('2026-03-04T12:00:00Z')
    expect(retryAfterMs({}, { retry_after: 34 }, now)).toBe(34_000)
    expect(retryAfterMs({ 'retry-after': '2' }, {}, now)).toBe(2000)
    expect(retryAfterMs({ 'retry-after': 'Wed, 04 Mar 2026 12:00:05 GMT' }, null, now)).toBe(5000)
    expect(retryAfterMs({ 'x-ratelimit-reset': String(now / 1000 + 7) }, null, now)).toBe(7000)
    expect(retryAfterMs({}, {}, now)).toBeUndefined()
    expect(rateLimitRemaining({ 'x-ratelimit-remaining': '87' })).toBe(87)
    expect(rateLimitRemaining({ 'x-ratelimit-remaining': 'lots' })).toBeUndefined()
  })

  it('normalises the server address the user types', () => {
    expect(parseBaseUrl('dashboard.skylightchat.com').href).toBe('https://dashboard.skylightchat.com/')
    expect(parseBaseUrl('https://host.example/api/v1/').href).toBe('https://host.example/')
    expect(parseBaseUrl('http://127.0.0.1:4010').href).toBe('http://127.0.0.1:4010/')
    expect(() => parseBaseUrl('ftp://host')).toThrow(/https/)
    expect(() => parseBaseUrl('http://')).toThrow(/not a valid server address/)
  })
})
