// zod schemas that fail with Laravel's wording, and the 422 they turn into.
import { z } from 'zod'
import { validationFailed } from './respond'

const label = (field: string) => field.replaceAll('_', ' ')
const missing = (value: unknown) => value === undefined || value === null || value === ''
const required = (field: string) => `The ${label(field)} field is required.`

export function requiredString(field: string, max = 255) {
  return z
    .string({ error: (i) => (missing(i.input) ? required(field) : `The ${label(field)} field must be a string.`) })
    .trim()
    .min(1, { error: required(field) })
    .max(max, { error: `The ${label(field)} field must not be greater than ${max} characters.` })
}

export function optionalString(field: string, max = 255) {
  return z
    .string({ error: `The ${label(field)} field must be a string.` })
    .trim()
    .max(max, { error: `The ${label(field)} field must not be greater than ${max} characters.` })
    .optional()
}

/** Accepts null or '' as "no value", like Laravel's `nullable` with ConvertEmptyStringsToNull. */
export function nullableString(field: string, max = 255) {
  return z.preprocess((v) => (v === '' ? null : v), optionalString(field, max).nullable())
}

export function nullableEmail(field: string) {
  return z.preprocess(
    (v) => (v === '' ? null : v),
    z.email({ error: `The ${label(field)} field must be a valid email address.` }).max(255).nullable().optional(),
  )
}

/**
 * A phone as people type it, in E.164 as the docs store it: spaces, dashes, dots and
 * brackets are dropped and a leading 00 (or no prefix at all) becomes +, so
 * "+966 55 777 1234" and "00966-55-777-1234" are both stored as "+966557771234".
 */
export function normalisePhone(value: string): string {
  const compact = value.trim().replace(/[\s\-.()\u00a0]/g, '')
  if (compact.startsWith('+')) return compact
  if (compact.startsWith('00')) return `+${compact.slice(2)}`
  return /^\d+$/.test(compact) ? `+${compact}` : compact
}

export function nullablePhone(field: string) {
  return z.preprocess(
    (v) => (v === '' ? null : typeof v === 'string' ? normalisePhone(v) : v),
    z.string({ error: `The ${label(field)} must be a valid phone number.` })
      .regex(/^\+[1-9]\d{6,14}$/, { error: `The ${label(field)} must be a valid phone number.` })
      .nullable()
      .optional(),
  )
}

const toInt = (v: unknown) => (typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : v)

export function integer(field: string) {
  return z.preprocess(
    toInt,
    z.number({ error: (i) => (missing(i.input) ? required(field) : `The ${label(field)} field must be an integer.`) })
      .int({ error: `The ${label(field)} field must be an integer.` }),
  )
}

export function integerArray(field: string) {
  return z
    .array(z.preprocess(toInt, z.number({ error: `Each ${label(field)} entry must be an integer.` }).int({ error: `Each ${label(field)} entry must be an integer.` })), {
      error: `The ${label(field)} field must be an array.`,
    })
    .optional()
}

export function oneOf<const T extends readonly [string, ...string[]]>(field: string, values: T) {
  return z.enum(values, { error: (i) => (missing(i.input) ? required(field) : `The selected ${label(field)} is invalid.`) })
}

const toBool = (v: unknown) => {
  if (v === 1 || v === '1' || v === 'true') return true
  if (v === 0 || v === '0' || v === 'false') return false
  return v
}

export function boolean(field: string) {
  return z.preprocess(toBool, z.boolean({ error: `The ${label(field)} field must be true or false.` }))
}

/** Parses `body` (anything not an object counts as {}) or throws a Laravel 422. */
export function validate<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const input = body !== null && typeof body === 'object' && !Array.isArray(body) ? body : {}
  const result = schema.safeParse(input)
  if (result.success) return result.data
  const errors: Record<string, string[]> = {}
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join('.') || 'body'
    ;(errors[key] ??= []).push(issue.message)
  }
  throw validationFailed(errors)
}

/** For query parameters that Laravel would validate (e.g. ?type=fax → 422). */
export function queryEnum<T extends string>(query: URLSearchParams, field: string, values: readonly T[]): T | undefined {
  const raw = query.get(field)
  if (raw === null || raw === '') return undefined
  if ((values as readonly string[]).includes(raw)) return raw as T
  throw validationFailed({ [field]: [`The selected ${label(field)} is invalid.`] })
}

export function queryBoolean(query: URLSearchParams, field: string): boolean | undefined {
  const raw = query.get(field)
  if (raw === null || raw === '') return undefined
  const value = toBool(raw)
  if (typeof value === 'boolean') return value
  throw validationFailed({ [field]: [`The ${label(field)} field must be true or false.`] })
}

export function queryInt(query: URLSearchParams, field: string): number | undefined {
  const raw = query.get(field)
  if (raw === null || raw === '') return undefined
  if (/^\d+$/.test(raw)) return Number(raw)
  throw validationFailed({ [field]: [`The ${label(field)} field must be an integer.`] })
}
