// Delete a tag, list or segment: gone at once, put back if SkyLight refuses. A list's or
// segment's memberships go and come back with it (their foreign key cascades); a tag is
// named on contacts by its title, so its delete takes that title off each contact itself
// and keeps those rows to put back.
import { z } from 'zod'
import { t } from '../../language'
import { groupName, putBackContactTags, takeContactTags, type GroupKind } from '../../store'
import { quote, type ActionDef } from './define'
import { deleteRowAction, type DeleteRowPayload } from './delete-row'
import { groupSpecs } from './group-kit'

/** Where a tag's delete keeps the contacts' rows it took (beside the cascaded children). */
const TAGGED = 'contact_tags'

function deleteGroupAction<K extends 'tagId' | 'listId' | 'segmentId'>(kind: GroupKind): ActionDef<DeleteRowPayload<K>> {
  const spec = groupSpecs[kind]
  const base = deleteRowAction<K>({
    entity: kind,
    idField: spec.idField as K,
    resources: ['groups', 'contacts'],
    remove: (api, id, call) => spec.remove(api, id, call),
  })
  const idOf = (p: DeleteRowPayload<K>) => p[spec.idField as K] as number
  const named = (p: DeleteRowPayload<K>) => {
    const name = p.snapshot?.[spec.nameField]
    return typeof name === 'string' ? t().summary_named({ noun: spec.noun(), name: quote(name) }) : t().summary_noun_id({ noun: spec.noun(), id: idOf(p) })
  }
  if (kind !== 'tag') return { ...base, summary: (p) => t().summary_delete({ what: named(p) }) }
  const tagged = z.array(z.object({ contactId: z.number().int(), title: z.string() }))
  return {
    ...base,
    summary: (p) => t().summary_delete({ what: named(p) }),
    apply(db, p, options) {
      const title = groupName(db, 'tag', idOf(p))
      const applied = base.apply(db, p, options)
      const taken = title === null ? [] : takeContactTags(db, title)
      // A payload applied before (a retry after a restart) already holds what it took.
      const kept = applied.children?.[TAGGED] ?? taken
      return { ...applied, children: { ...applied.children, [TAGGED]: kept } }
    },
    rollback(db, p) {
      base.rollback(db, p)
      if (!p.snapshot) return
      const rows = tagged.safeParse(p.children?.[TAGGED] ?? [])
      if (rows.success) putBackContactTags(db, rows.data)
    },
  }
}

export const deleteTagAction = deleteGroupAction<'tagId'>('tag')
export const deleteListAction = deleteGroupAction<'listId'>('list')
export const deleteSegmentAction = deleteGroupAction<'segmentId'>('segment')
