// What a failed attempt means for the action: try again (after how long, and whether the
// request may have taken effect so it must be looked for first), stop for the user, or
// pause the whole outbox until the API key is fixed.
import { BadResponseError, CancelledError, NetworkError, RateLimitedError, ServerError, SkyLightError, UnauthorizedError } from '../skylight'
import { PayloadError } from './payload'
import type { ActionError } from './types'
import { t } from '../language'

export type Verdict =
  /**
   * `stillActing`: this side stopped waiting (a timeout) while SkyLight may still be carrying
   * the request out, so finding nothing right after proves nothing.
   */
  | { kind: 'retry'; afterMs?: number; mayHaveActed: boolean; stillActing?: boolean }
  | { kind: 'permanent' }
  | { kind: 'key-rejected' }
  | { kind: 'stopped' }

export function classify(error: unknown): Verdict {
  if (error instanceof UnauthorizedError) return { kind: 'key-rejected' }
  if (error instanceof CancelledError) return { kind: 'stopped' }
  // The server refused it unseen, and said when to come back.
  if (error instanceof RateLimitedError) return { kind: 'retry', afterMs: error.retryAfterMs, mayHaveActed: false }
  if (error instanceof NetworkError) {
    const maybe = error.reachedServer === 'maybe'
    return { kind: 'retry', mayHaveActed: maybe, ...(maybe && error.code === 'ETIMEDOUT' ? { stillActing: true } : {}) }
  }
  // A 5xx or an unreadable answer can come after the server acted.
  if (error instanceof ServerError || error instanceof BadResponseError) return { kind: 'retry', mayHaveActed: true }
  if (error instanceof SkyLightError && error.transient) return { kind: 'retry', mayHaveActed: true }
  return { kind: 'permanent' }
}

/** The error as the user sees it (the server's message where it gave one). */
export function describe(error: unknown, retryable = false): ActionError {
  if (error instanceof SkyLightError) {
    const fields = (error as { fields?: Record<string, string[]> }).fields
    return { type: error.type, message: error.message, ...(fields && Object.keys(fields).length ? { fields } : {}), ...(retryable ? { retryable } : {}) }
  }
  if (error instanceof PayloadError) return { type: 'invalid-input', message: error.message }
  // A bug or a local fault (disk full…): kept on the action so one bad action never stops the rest.
  return { type: 'internal', message: t().error_action_failed({ reason: (error as Error)?.message ?? String(error) }) }
}
