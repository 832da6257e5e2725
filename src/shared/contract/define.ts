// How a contract method is written down: its input and output schemas. Each domain file
// exports a record of these; contract/index.ts merges them.
import { z } from 'zod'

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I
  output: O
}

export function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): MethodSpec<I, O> {
  return { input, output }
}

/**
 * Every id of an entity in the contract: an integer, never a string read with Number()
 * ("" would be 0, "0x10" 16). Negative ids are entities made offline, not yet on SkyLight.
 */
export const entityId = z.number().int()

/** An outbox action's id as the contract carries it: the decimal digits of a positive integer, nothing else. */
export const actionId = z.string().regex(/^[1-9][0-9]{0,14}$/, 'An action id is a positive whole number')
