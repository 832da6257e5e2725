// Stored payloads carry the version of their shape. Each kind parses every version it has
// ever written (upgrading old shapes to the current one), and says clearly when a payload
// comes from a newer app than this one, instead of guessing.
import type { z } from 'zod'
import { entityByRefKey, type EntityName } from '../store'
import { t } from '../language'

export class PayloadError extends Error {
  override readonly name = 'PayloadError'
}

export interface VersionedSchema<P> {
  current: number
  /** The current version's schema. */
  schema: z.ZodType<P>
  /** Older versions: their schema and how to bring them to the current shape. */
  older?: Record<number, { schema: z.ZodType; upgrade: (old: never) => unknown }>
}

export function parsePayload<P>(kind: string, spec: VersionedSchema<P>, version: number, raw: unknown): P {
  let value = raw
  if (version > spec.current) {
    throw new PayloadError(
      t().payload_newer({ kind, version }),
    )
  }
  if (version < spec.current) {
    const old = spec.older?.[version]
    if (!old) throw new PayloadError(t().payload_unreadable_version({ kind, version }))
    const parsed = old.schema.safeParse(value)
    if (!parsed.success) throw new PayloadError(t().payload_damaged({ kind, version, why: parsed.error.issues[0]?.message ?? t().payload_invalid() }))
    value = old.upgrade(parsed.data as never)
  }
  const parsed = spec.schema.safeParse(value)
  if (!parsed.success) throw new PayloadError(t().payload_damaged({ kind, why: parsed.error.issues[0]?.message ?? t().payload_invalid() }))
  return parsed.data
}

/** An entity a payload refers to (store/schema/entity.ts). */
export type RefEntity = EntityName

// Payload fields that name another entity, by a naming convention every kind and version
// keeps (each table's declaration lists its `refKeys`), so ids can be found and rewritten
// without knowing the kind: a contact created offline is referred to by its local
// (negative) id until the server gives it one.

/** Every referenced id, at any depth. */
export function refsOf(payload: unknown): { entity: RefEntity; id: number }[] {
  const out: { entity: RefEntity; id: number }[] = []
  walk(payload, (entity, id) => {
    out.push({ entity, id })
    return id
  })
  return out
}

/** A copy of the payload with one entity's id replaced everywhere. */
export function rewriteRefs(payload: unknown, entity: RefEntity, from: number, to: number): unknown {
  const copy = structuredClone(payload)
  walk(copy, (e, id) => (e === entity && id === from ? to : id))
  return copy
}

function walk(node: unknown, visit: (entity: RefEntity, id: number) => number): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, visit)
    return
  }
  if (typeof node !== 'object' || node === null) return
  const record = node as Record<string, unknown>
  for (const [key, value] of Object.entries(record)) {
    const entity = entityByRefKey.get(key)
    if (entity && typeof value === 'number') record[key] = visit(entity, value)
    else if (entity && Array.isArray(value)) record[key] = value.map((v) => (typeof v === 'number' ? visit(entity, v) : v))
    else walk(value, visit)
  }
}
