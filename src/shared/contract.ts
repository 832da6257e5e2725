// The contract between the renderer and the core: every method's name, input and output,
// and every event. Main validates each input against it at the boundary; the preload and
// the renderer client are generic over it, so a new method is added here and nowhere else.
import { z } from 'zod'

export const methods = {
  'app-info': {
    input: z.object({}).strict(),
    output: z.object({
      name: z.string(),
      version: z.string(),
      platform: z.string(),
    }),
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>

export const events = {
  'core-error': z.object({ type: z.string(), message: z.string() }),
} as const satisfies Record<string, z.ZodType>

export type MethodName = keyof typeof methods
export type MethodInput<M extends MethodName> = z.input<(typeof methods)[M]['input']>
export type MethodOutput<M extends MethodName> = z.output<(typeof methods)[M]['output']>
export type EventName = keyof typeof events
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>

/** What the core does for each method; main and the browser test host both serve these. */
export type Handlers = {
  [M in MethodName]: (input: z.output<(typeof methods)[M]['input']>) => Promise<MethodOutput<M>>
}

/** Errors cross the boundary as values, never as thrown objects with stacks. */
export const errorTypes = [
  'invalid-input',
  'unknown-method',
  'unauthorized',
  'forbidden',
  'not-found',
  'validation',
  'rate-limited',
  'server',
  'network',
  'bad-response',
  'cancelled',
  'internal',
] as const
export type ErrorType = (typeof errorTypes)[number]

export interface BridgeError {
  type: ErrorType
  message: string
  fields?: Record<string, string[]>
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: BridgeError }

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methods, name)
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name)
}
