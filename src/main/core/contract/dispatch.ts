// Serves the contract: one function that takes an untrusted (method, input) pair from any
// transport (Electron IPC, the browser test host's WebSocket), validates it, runs the
// handler and returns a Result. Nothing thrown escapes; stacks stay in the core.
import {
  errorTypes,
  isMethodName,
  methods,
  type BridgeError,
  type ErrorType,
  type Handlers,
  type Result,
} from '../../../shared/contract'
import { DiskFullError, isDiskFull } from '../disk-full'
import { t } from '../language'
import { runtimeError, StoreError, type StoreErrorCode } from '../store/errors'

// Store codes that are the user's to act on: a missing row, a full disk, an account copy
// that cannot be used (damaged, in use, read-only: the message says which and what to do).
// A failed migration is the app's trouble and is logged as internal.
const storeErrorTypes: Partial<Record<StoreErrorCode, ErrorType>> = {
  'not-found': 'not-found',
  'disk-full': 'disk-full',
  corrupt: 'local-data',
  locked: 'local-data',
  'read-only': 'local-data',
  'cannot-open': 'local-data',
  'too-new': 'local-data',
}

export type Dispatch = (method: unknown, input: unknown) => Promise<Result<unknown>>

export function createDispatcher(handlers: Handlers, onInternalError?: (error: unknown) => void): Dispatch {
  return async (method, input) => {
    if (!isMethodName(method)) {
      return fail({ type: 'unknown-method', message: `Unknown method: ${String(method).slice(0, 80)}` })
    }
    const parsed = methods[method].input.safeParse(input ?? {})
    if (!parsed.success) {
      const detail = parsed.error.issues
        .slice(0, 3)
        .map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`)
        .join('; ')
      return fail({ type: 'invalid-input', message: `Invalid input for ${method} — ${detail}` })
    }
    try {
      // The handler's input type is the parsed output of its own schema.
      const handler = handlers[method] as (input: unknown) => Promise<unknown>
      return { ok: true, value: await handler(parsed.data) }
    } catch (error) {
      // A full disk anywhere is the one thing the user must hear (the log is on that disk
      // too); a file found damaged in use says how to get a sound one.
      const typed = toBridgeError(error)
      if (typed) return fail(typed)
      const fault = runtimeError(error) ?? (isDiskFull(error) ? new DiskFullError('your change', { cause: error }) : undefined)
      const known = fault ? toBridgeError(fault) : undefined
      // The cause goes to the log (a damaged page is worth a look) — not a full disk's, which it could not hold.
      if (known?.type !== 'disk-full') onInternalError?.(error)
      if (known) return fail(known)
      return fail({ type: 'internal', message: t().core_internal_error() })
    }
  }
}

/**
 * Errors the core raises on purpose carry a `type` from the contract and a user-facing
 * message; the store's coded errors are translated here, so a missing row is `not-found`
 * whether a view reads it or an action writes it.
 */
export function toBridgeError(error: unknown): BridgeError | undefined {
  if (!(error instanceof Error)) return undefined
  if (error instanceof StoreError) {
    const type = storeErrorTypes[error.code]
    return type ? { type, message: error.message } : undefined
  }
  const type = (error as { type?: unknown }).type
  if (typeof type !== 'string' || !(errorTypes as readonly string[]).includes(type)) return undefined
  const fields = (error as { fields?: Record<string, string[]> }).fields
  return { type: type as ErrorType, message: error.message, ...(fields ? { fields } : {}) }
}

function fail(error: BridgeError): Result<never> {
  return { ok: false, error }
}
