// A form checked before anything is queued or sent: each field's problem comes back next to
// the field (the contract's `validation` with `fields`), as the server's 422 would.
import type { z } from 'zod'
import { t } from '../language'

export class FormError extends Error {
  readonly type = 'validation'
  constructor(
    message: string,
    readonly fields: Record<string, string[]> = {},
  ) {
    super(message)
    this.name = 'FormError'
  }
}

export function parseForm<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  const fields: Record<string, string[]> = {}
  for (const issue of result.error.issues) (fields[issue.path.map(String).join('.') || 'form'] ??= []).push(issue.message)
  throw new FormError(result.error.issues[0]?.message ?? t().core_check_form(), fields)
}
