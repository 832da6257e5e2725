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
import { runtimeError } from '../store/errors'

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
      // The cause goes to the log (a damaged page is worth a look) — not a full disk's, which it could not hold.
      if (fault?.type !== 'disk-full') onInternalError?.(error)
      if (fault) return fail(toBridgeError(fault)!)
      return fail({ type: 'internal', message: 'Something went wrong inside SkyLight Desk. The details are in the log.' })
    }
  }
}

/** Errors the core raises on purpose carry a `type` from the contract and a user-facing message. */
export function toBridgeError(error: unknown): BridgeError | undefined {
  if (!(error instanceof Error)) return undefined
  const type = (error as { type?: unknown }).type
  if (typeof type !== 'string' || !(errorTypes as readonly string[]).includes(type)) return undefined
  const fields = (error as { fields?: Record<string, string[]> }).fields
  return { type: type as ErrorType, message: error.message, ...(fields ? { fields } : {}) }
}

function fail(error: BridgeError): Result<never> {
  return { ok: false, error }
}
