// The one shape of every delete: the row leaves the local copy at once (kept whole in the
// payload), goes back if SkyLight refuses, and "already gone" counts as done. Its kind is
// `delete-<entity>` and its lane `<entity>:<id>`: the store finds queued deletes by that
// convention (store/queries/pending-deletes.ts), so sync never resurrects the row.
import { z } from 'zod'
import type { ResourceName } from '../../../../shared/contract/resources'
import type { CallOptions, SkyLightApi } from '../../skylight'
import { entity, labelOf, notFound, putBackRow, takeRow, type ChildRows, type EntityName, type RowSnapshot } from '../../store'
import { quote, type ActionDef } from './define'
import { gone } from './hold'
import { t } from '../../language'
import { nounAndId } from '../nouns'

export interface DeleteRowSpec<K extends string> {
  entity: EntityName
  /** The payload's id field (stored payloads keep the name they were written with). */
  idField: K
  resources: readonly ResourceName[]
  /** The contacts whose views change (a deleted contact's thread). */
  contactIds?: (id: number) => number[]
  remove(api: SkyLightApi, id: number, call: CallOptions): Promise<unknown>
}

export type DeleteRowPayload<K extends string> = { [F in K]: number } & {
  snapshot?: Record<string, unknown> | null | undefined
  children?: ChildRows | null | undefined
}

export function deleteRowAction<K extends string>(spec: DeleteRowSpec<K>): ActionDef<DeleteRowPayload<K>> {
  const schema = z.object({
    [spec.idField]: z.number().int(),
    /** The row as it was, to restore on failure. */
    snapshot: z.record(z.string(), z.unknown()).nullish(),
    /** The rows that hang on it (a contact's messages, a campaign's deliveries), by table. */
    children: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))).nullish(),
  }) as unknown as z.ZodType<DeleteRowPayload<K>>
  const idOf = (p: DeleteRowPayload<K>): number => p[spec.idField]
  return {
    kind: `delete-${spec.entity}`,
    payload: { current: 1, schema },
    lane: (p) => `${spec.entity}:${idOf(p)}`,
    summary: (p) => {
      const label = p.snapshot ? labelOf(spec.entity, p.snapshot) : null
      return t().summary_delete({ what: label ? quote(label) : nounAndId(spec.entity, idOf(p)) })
    },
    repeatable: true,
    resources: spec.resources,
    deletes: { entity: spec.entity, payload: (id) => ({ [spec.idField]: id }) },
    ...(spec.contactIds ? { contactIds: (p: DeleteRowPayload<K>) => spec.contactIds!(idOf(p)) } : {}),
    apply(db, p) {
      const taken = takeRow(db, spec.entity, idOf(p))
      if (!taken && !p.snapshot) throw notFound(`${entity(spec.entity).noun[0]!.toUpperCase()}${entity(spec.entity).noun.slice(1)} ${idOf(p)}`)
      return { ...p, snapshot: p.snapshot ?? taken?.row ?? null, children: p.children ?? taken?.children ?? null }
    },
    rollback(db, p) {
      if (!p.snapshot) return
      putBackRow(db, spec.entity, { ...(p.snapshot as RowSnapshot<EntityName>), id: idOf(p), localRevision: 0 }, p.children ?? {})
    },
    async send(ctx, p) {
      await gone(spec.remove(ctx.api, idOf(p), ctx.call))
      return { serverId: idOf(p) }
    },
    confirm() {},
  }
}
