// Edit an entry's title, descriptions or text (PUT with the changed fields). A new text
// clears the entry's cached embeddings on the server; the view warns before. Repeating it
// sets the same values; consecutive edits of one entry, or of a text not yet created, merge.
import { z } from 'zod'
import { kbDetail } from '../../skylight/resources/knowledge-base'
import { patchRow, saveKbEntryIfUnheld } from '../../store'
import { quote, type ActionDef } from './define'
import { hold, release } from './hold'
import { kbChanges, kbRowFields } from './kb-fields'
import { t } from '../../language'

const schema = z.object({
  entryId: z.number().int(),
  changes: kbChanges,
  previous: z.record(z.string(), z.unknown()).default({}),
})
export type UpdateKbEntryPayload = z.output<typeof schema>

export const updateKbEntryAction: ActionDef<UpdateKbEntryPayload> = {
  kind: 'update-kb-entry',
  payload: { current: 1, schema },
  lane: (p) => `kb-entry:${p.entryId}`,
  summary: (p, names) => t().kb_summary_edit({ entry: p.changes.title ? quote(p.changes.title) : names('kb-entry', p.entryId), newText: p.changes.content !== undefined }),
  repeatable: true,
  resources: ['knowledge-base'],
  apply(db, p, { hold: holding }) {
    const before = patchRow(db, 'kb-entry', p.entryId, kbRowFields(p.changes))
    if (holding) hold(db, { kind: 'kb-entry', id: p.entryId })
    return { ...p, previous: { ...before, ...p.previous } }
  },
  rollback(db, p) {
    patchRow(db, 'kb-entry', p.entryId, p.previous)
    release(db, { kind: 'kb-entry', id: p.entryId })
  },
  async send(ctx, p) {
    const saved = await ctx.api.knowledgeBase.update(p.entryId, p.changes, ctx.call)
    return { serverId: saved.id, record: saved }
  },
  confirm(db, p, result) {
    release(db, { kind: 'kb-entry', id: p.entryId })
    const saved = kbDetail.safeParse(result.record)
    if (saved.success) saveKbEntryIfUnheld(db, saved.data)
  },
  coalesce(queued, next) {
    const q = queued.payload as { entryId?: number; localId?: number; changes?: object }
    if (queued.kind === 'update-kb-entry' && q.entryId === next.entryId) return { ...q, changes: { ...q.changes, ...next.changes } }
    if (queued.kind === 'create-kb-text' && q.localId === next.entryId) return { ...q, ...next.changes }
    return null
  },
  edit: (p, changes) => ({ ...p, changes: { ...p.changes, ...kbChanges.parse(changes) } }),
}
