// Turns what a caller hands the logger (strings, errors with causes, request objects with
// headers, anything) into text. Values under secret-looking property names are replaced
// here, before serialization; the text is redacted again as a whole by the logger.
import { isSecretKey, REDACTED } from './redact'

const MAX_DEPTH = 6

export function formatValue(value: unknown): string {
  if (typeof value === 'string') return value
  if (value instanceof Error) return formatError(value, new Set())
  return stringify(value)
}

function formatError(error: Error, seen: Set<unknown>, depth = 0): string {
  seen.add(error)
  // The stack starts with "Name: message"; engines that omit it still get both.
  const head = error.stack && error.stack.includes(error.message) ? error.stack : `${error.name}: ${error.message}`
  const lines = [head]
  const extra = ownFields(error)
  if (Object.keys(extra).length > 0) lines.push(`  fields: ${stringify(extra)}`)
  if (error instanceof AggregateError) {
    for (const inner of error.errors) lines.push(indent(`error: ${describeNested(inner, seen, depth)}`))
  }
  if (error.cause !== undefined) lines.push(indent(`cause: ${describeNested(error.cause, seen, depth)}`))
  return lines.join('\n')
}

function describeNested(value: unknown, seen: Set<unknown>, depth: number): string {
  if (seen.has(value)) return '[circular]'
  if (depth >= MAX_DEPTH) return '[too deep]'
  return value instanceof Error ? formatError(value, seen, depth + 1) : stringify(value)
}

function ownFields(error: Error): Record<string, unknown> {
  const fields: Record<string, unknown> = {}
  for (const key of Object.keys(error)) {
    if (key !== 'cause' && key !== 'errors') fields[key] = (error as unknown as Record<string, unknown>)[key]
  }
  return fields
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n')
}

function stringify(value: unknown): string {
  if (value === undefined) return 'undefined'
  const seen = new WeakSet<object>()
  try {
    return (
      JSON.stringify(value, function replacer(key: string, v: unknown) {
        if (key !== '' && isSecretKey(key)) return REDACTED
        if (typeof v === 'bigint') return `${v}n`
        if (typeof v === 'function') return `[function ${v.name || 'anonymous'}]`
        if (v instanceof Error) return formatError(v, new Set())
        if (typeof Headers !== 'undefined' && v instanceof Headers) return Object.fromEntries(v.entries())
        if (v instanceof Map) return Object.fromEntries(v)
        if (v instanceof Set) return [...v]
        if (v !== null && typeof v === 'object') {
          if (seen.has(v)) return '[circular]'
          seen.add(v)
        }
        return v
      }) ?? String(value)
    )
  } catch {
    return String(value)
  }
}
