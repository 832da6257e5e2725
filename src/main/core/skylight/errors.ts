// Typed errors of the SkyLight API client. Each carries a `type` from the contract (so it
// crosses to the renderer as is) and a message a user can act on. The server's own message
// is kept where it says more than ours.
import type { ErrorType } from '../../../shared/contract'

export abstract class SkyLightError extends Error {
  abstract readonly type: ErrorType
  /** HTTP status, when the server answered. */
  readonly status: number | undefined
  /** Is retrying the same request later reasonable (the outbox's transient/permanent split)? */
  abstract readonly transient: boolean

  constructor(message: string, status?: number, options?: ErrorOptions) {
    super(message, options)
    this.name = new.target.name
    this.status = status
  }
}

export class UnauthorizedError extends SkyLightError {
  readonly type = 'unauthorized'
  readonly transient = false
  constructor(serverMessage?: string) {
    super(
      `SkyLight rejected the API key${serverMessage ? ` (${serverMessage})` : ''}. Check the key in Settings, or create a new one in the SkyLight dashboard.`,
      401,
    )
  }
}

export class ForbiddenError extends SkyLightError {
  readonly type = 'forbidden'
  readonly transient = false
  constructor(serverMessage?: string) {
    super(serverMessage || 'SkyLight refused this action for your account.', 403)
  }
}

export class NotFoundError extends SkyLightError {
  readonly type = 'not-found'
  readonly transient = false
  constructor(serverMessage?: string) {
    super(serverMessage || 'That item no longer exists on SkyLight.', 404)
  }
}

/** 422 (and 400): the request was understood and refused; `fields` says what to correct. */
export class ValidationError extends SkyLightError {
  readonly type = 'validation'
  readonly transient = false
  readonly fields: Record<string, string[]>
  /** Some refusals still return a record, e.g. a message saved with status "failed". */
  readonly data: unknown
  constructor(message: string, status: number, fields: Record<string, string[]> = {}, data?: unknown) {
    super(message, status)
    this.fields = fields
    this.data = data
  }
}

export class RateLimitedError extends SkyLightError {
  readonly type = 'rate-limited'
  readonly transient = true
  readonly retryAfterMs: number
  constructor(retryAfterMs: number) {
    super(`SkyLight asked to slow down; trying again in ${Math.ceil(retryAfterMs / 1000)} s.`, 429)
    this.retryAfterMs = retryAfterMs
  }
}

export class ServerError extends SkyLightError {
  readonly type = 'server'
  readonly transient = true
  constructor(status: number, serverMessage?: string) {
    super(`SkyLight had a problem (${status})${serverMessage ? `: ${serverMessage}` : ''}. It will be tried again.`, status)
  }
}

/**
 * No usable answer arrived. `reachedServer` says whether the request may have been acted
 * on: 'no' when it provably never left (connection refused, DNS), 'maybe' otherwise. Only
 * 'no' makes a non-idempotent request safe to repeat.
 */
export class NetworkError extends SkyLightError {
  readonly type = 'network'
  readonly transient = true
  readonly reachedServer: 'no' | 'maybe'
  readonly code: string | undefined
  constructor(message: string, reachedServer: 'no' | 'maybe', code?: string, options?: ErrorOptions) {
    super(message, undefined, options)
    this.reachedServer = reachedServer
    this.code = code
  }
}

/** The server answered with something that is not what the API documents. */
export class BadResponseError extends SkyLightError {
  readonly type = 'bad-response'
  readonly transient = true
  readonly detail: string
  constructor(detail: string, status?: number) {
    super('SkyLight sent an answer SkyLight Desk could not read. It will be tried again.', status)
    this.detail = detail
  }
}

export class CancelledError extends SkyLightError {
  readonly type = 'cancelled'
  readonly transient = false
  constructor() {
    super('The request was cancelled.')
  }
}

/** A file the user picked cannot be used (gone, unreadable, wrong type, too large). */
export class LocalFileError extends SkyLightError {
  readonly type = 'invalid-input'
  readonly transient = false
  constructor(message: string, options?: ErrorOptions) {
    super(message, undefined, options)
  }
}
