// How long to wait before trying again: exponential backoff with jitter, and what the
// server says in a 429 (body `retry_after`, the Retry-After header, or X-RateLimit-Reset).
import type { IncomingHttpHeaders } from 'node:http'

export interface BackoffOptions {
  baseMs: number
  maxMs: number
  random?: () => number
}

/** "Equal jitter": half the exponential step plus a random half, so no retry is instant. */
export function backoffDelay(attempt: number, { baseMs, maxMs, random = Math.random }: BackoffOptions): number {
  const step = Math.min(maxMs, baseMs * 2 ** attempt)
  return Math.round(step / 2 + random() * (step / 2))
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()]
  return Array.isArray(value) ? value[0] : value
}

/** Milliseconds the server asked us to wait, if it said so in any of the usual ways. */
export function retryAfterMs(headers: IncomingHttpHeaders, body: unknown, now: number): number | undefined {
  const fromBody = (body as { retry_after?: unknown } | null)?.retry_after
  const bodySeconds = typeof fromBody === 'number' ? fromBody : typeof fromBody === 'string' ? Number(fromBody) : NaN
  if (Number.isFinite(bodySeconds) && bodySeconds >= 0) return bodySeconds * 1000

  const retryAfter = header(headers, 'retry-after')?.trim()
  if (retryAfter) {
    if (/^\d+(\.\d+)?$/.test(retryAfter)) return Number(retryAfter) * 1000
    const date = Date.parse(retryAfter)
    if (!Number.isNaN(date)) return Math.max(0, date - now)
  }

  const reset = rateLimitReset(headers)
  return reset === undefined ? undefined : Math.max(0, reset - now)
}

/** X-RateLimit-Reset as epoch milliseconds (the docs give unix seconds). */
export function rateLimitReset(headers: IncomingHttpHeaders): number | undefined {
  const raw = Number(header(headers, 'x-ratelimit-reset'))
  if (!Number.isFinite(raw) || raw <= 0) return undefined
  // Tolerate servers that send milliseconds.
  return raw > 1e12 ? raw : raw * 1000
}

export function rateLimitRemaining(headers: IncomingHttpHeaders): number | undefined {
  const raw = header(headers, 'x-ratelimit-remaining')
  if (raw === undefined || raw.trim() === '') return undefined
  const value = Number(raw)
  return Number.isFinite(value) && value >= 0 ? Math.floor(value) : undefined
}
