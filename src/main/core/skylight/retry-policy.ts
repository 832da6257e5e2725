// How long to wait before trying again: exponential backoff with jitter, and what the
// server says in a 429 (body `retry_after`, the Retry-After header, or X-RateLimit-Reset).
import type { IncomingHttpHeaders } from 'node:http'

/**
 * The longest a 429 keeps this key silent before one request probes again. A server may
 * ask for an hour (`Retry-After: 3600`) and then recover in seconds; obeying it whole froze
 * sync and outbox for that hour. Past the cap a single probe finds out (a 429 again simply
 * waits another round), so a recovered server is used again within this time.
 */
export const RETRY_AFTER_CAP_MS = 60_000

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

/** What we honour of the server's wait: all of it up to the cap (never negative). */
export function honouredWait(askedMs: number, capMs: number = RETRY_AFTER_CAP_MS): number {
  if (!Number.isFinite(askedMs) || askedMs < 0) return 0
  return Math.min(askedMs, capMs)
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
