// Building blocks for validating what SkyLight sends. Tolerant by design: unknown fields
// are dropped, missing optional fields become null, numbers may arrive as numeric strings,
// booleans as 0/1, and an enum value we do not know yet passes through as a plain string
// instead of failing the whole answer.
import { z } from 'zod'

export const id = z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)])
export const int = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/).transform(Number)]).transform(Math.trunc)
export const bool = z.union([
  z.boolean(),
  z.number().transform((n) => n !== 0),
  z.enum(['true', 'false', '1', '0']).transform((s) => s === 'true' || s === '1'),
])
/** ISO 8601 as sent (with `Z` or an offset); parsed where it is used. */
export const timestamp = z.string()

/** Missing or null both become null, so stored rows have one way to say "absent". */
export function nullable<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((value): z.output<T> | null => value ?? null)
}

/** A documented set of values, open to ones added later: `T | (string & {})` keeps hints. */
export function looseEnum<const T extends readonly string[]>(_values: T) {
  return z.string() as unknown as z.ZodType<T[number] | (string & {}), string>
}

export const pageMeta = z.object({
  current_page: int,
  last_page: int,
  per_page: int,
  total: int,
})

/** The envelope every JSON answer comes in: `{ success, data, message?, meta?, errors? }`. */
export const envelope = z.object({
  success: z.boolean().optional(),
  data: z.unknown().optional(),
  message: z.string().nullish(),
  meta: pageMeta.optional(),
  errors: z.record(z.string(), z.union([z.array(z.string()), z.string().transform((s) => [s])])).optional(),
})

export interface Page<T> {
  items: T[]
  page: number
  lastPage: number
  perPage: number
  total: number
  /** Items that did not validate and were left out (each reported to onInvalidItem). */
  skipped: number
}
