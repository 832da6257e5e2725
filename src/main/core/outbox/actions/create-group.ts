// Create a tag, list or segment. It shows at once (a local id) and can be renamed, deleted
// or used as a filter before SkyLight has it. POST without an idempotency key: an answer
// lost after the server acted is settled by the server's ids — one of the same name newer
// than the newest before the request — not by the clock.
import { z } from 'zod'
import { group } from '../../skylight/resources/groups'
import { tag } from '../../skylight/resources/tags'
import { t } from '../../language'
import { insertLocalGroup, rekeyGroup, removeRow, type GroupKind } from '../../store'
import { reconcileInList } from '../reconcile'
import { quote, type ActionDef } from './define'
import { groupSpecs, maxName, nameOf } from './group-kit'
import { release } from './hold'

const schemaFor = (kind: GroupKind) =>
  z.object({
    name: z
      .string()
      .trim()
      .min(1, { error: () => t().groups_give_name({ kind }) })
      .max(maxName(kind), { error: () => t().agents_name_max({ max: maxName(kind) }) }),
    localId: z.number().int().negative(),
  })
export type CreateGroupPayload = z.output<ReturnType<typeof schemaFor>>

function createGroupAction(kind: GroupKind): ActionDef<CreateGroupPayload> {
  const spec = groupSpecs[kind]
  const schema = schemaFor(kind)
  return {
    kind: `create-${kind}`,
    payload: { current: 1, schema },
    lane: (p) => `${kind}:${p.localId}`,
    summary: (p) => t().summary_create_group({ noun: spec.noun(), name: quote(p.name) }),
    editable: (p) => ({ name: p.name }),
    repeatable: false,
    resources: ['groups'],
    creates: { entity: kind, localId: (p) => p.localId },
    apply(db, p) {
      insertLocalGroup(db, kind, p.localId, p.name)
      return p
    },
    rollback(db, p) {
      removeRow(db, kind, p.localId)
    },
    async send(ctx, p) {
      const created = await spec.create(ctx.api, p.name, ctx.call)
      return { serverId: created.id, record: created }
    },
    ...reconcileInList(
      async (ctx) => (await spec.all(ctx.api, ctx.call)).map((g) => ({ ...g, created_at: g.created_at ?? null })),
      (g, p: CreateGroupPayload) => nameOf(g) === p.name,
    ),
    confirm(db, p, result) {
      const parsed = (kind === 'tag' ? tag : group).safeParse(result.record)
      if (!parsed.success) return
      rekeyGroup(db, kind, p.localId, parsed.data)
      release(db, { kind, id: parsed.data.id })
    },
    edit: (p, changes) => ({ ...p, ...schema.pick({ name: true }).parse(changes) }),
  }
}

export const createTagAction = createGroupAction('tag')
export const createListAction = createGroupAction('list')
export const createSegmentAction = createGroupAction('segment')
