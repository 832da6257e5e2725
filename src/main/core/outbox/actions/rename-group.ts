// Rename a tag, list or segment (PUT: the same name twice is one rename, so it is
// repeatable). Renaming a tag relabels it on every contact that has it, here as on
// SkyLight. Consecutive renames, or a rename of one not yet created, become one request.
import { z } from 'zod'
import { t } from '../../language'
import { groupName, patchRow, retitleContactTags, type GroupKind, type StoreDb } from '../../store'
import { quote, type ActionDef } from './define'
import { groupSpecs, maxName } from './group-kit'
import { hold, release } from './hold'

export interface RenameGroupPayload {
  /** One of these three, by kind: the names the outbox rewrites when a local id gets the server's. */
  tagId?: number | undefined
  listId?: number | undefined
  segmentId?: number | undefined
  name: string
  /** The name before the first of the coalesced renames, put back if it fails. */
  previous?: string | undefined
}

function renameGroupAction(kind: GroupKind): ActionDef<RenameGroupPayload> {
  const spec = groupSpecs[kind]
  const field = spec.idField
  const name = z
    .string()
    .trim()
    .min(1, { error: () => t().groups_give_name({ kind }) })
    .max(maxName(kind), { error: () => t().agents_name_max({ max: maxName(kind) }) })
  const schema = z.object({ [field]: z.number().int(), name, previous: z.string().optional() }) as unknown as z.ZodType<RenameGroupPayload>
  const idOf = (p: RenameGroupPayload): number => p[field]!
  const setName = (db: StoreDb, id: number, to: string) => {
    const before = groupName(db, kind, id)
    patchRow(db, kind, id, (spec.nameField === 'title' ? { title: to } : { name: to }) as never)
    if (kind === 'tag' && before !== null) retitleContactTags(db, before, to)
    return before
  }
  return {
    kind: `rename-${kind}`,
    payload: { current: 1, schema },
    lane: (p) => `${kind}:${idOf(p)}`,
    summary: (p) =>
      t().summary_rename({
        from: p.previous !== undefined ? t().summary_named({ noun: spec.noun(), name: quote(p.previous) }) : t().summary_noun_id({ noun: spec.noun(), id: idOf(p) }),
        to: quote(p.name),
      }),
    editable: (p) => ({ name: p.name }),
    repeatable: true,
    resources: kind === 'tag' ? ['groups', 'contacts'] : ['groups'],
    apply(db, p, { hold: holding }) {
      const before = setName(db, idOf(p), p.name)
      if (holding) hold(db, { kind, id: idOf(p) })
      return { ...p, previous: p.previous ?? before ?? undefined }
    },
    rollback(db, p) {
      if (p.previous !== undefined) setName(db, idOf(p), p.previous)
      release(db, { kind, id: idOf(p) })
    },
    async send(ctx, p) {
      const saved = await spec.rename(ctx.api, idOf(p), p.name, ctx.call)
      return { serverId: saved.id }
    },
    confirm(db, p) {
      release(db, { kind, id: idOf(p) })
    },
    coalesce(queued, next) {
      const q = queued.payload as Record<string, unknown>
      if (queued.kind === `rename-${kind}` && q[field] === idOf(next)) return { ...q, name: next.name }
      if (queued.kind === `create-${kind}` && q.localId === idOf(next)) return { ...q, name: next.name }
      return null
    },
    edit: (p, changes) => ({ ...p, ...z.object({ name }).parse(changes) }),
  }
}

export const renameTagAction = renameGroupAction('tag')
export const renameListAction = renameGroupAction('list')
export const renameSegmentAction = renameGroupAction('segment')
