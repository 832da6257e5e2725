// A text entry of the knowledge base, written in the app (offline too). POST without an
// idempotency key: an unknown outcome is settled by looking for a text entry of the same
// title made since the first attempt.
import { z } from 'zod'
import { kbDetail } from '../../skylight/resources/knowledge-base'
import { insertLocalKbEntry, rekeyKbEntry, removeRow } from '../../store'
import { findCreatedKbEntry, newestKbEntryId } from '../reconcile'
import { quote, type ActionDef } from './define'
import { release } from './hold'
import { kbTextFields } from './kb-fields'
import { t } from '../../language'

const schema = kbTextFields.extend({ localId: z.number().int().negative() })
export type CreateKbTextPayload = z.output<typeof schema>

export const createKbTextAction: ActionDef<CreateKbTextPayload> = {
  kind: 'create-kb-text',
  payload: { current: 1, schema },
  lane: (p) => `kb-entry:${p.localId}`,
  summary: (p) => t().kb_summary_add_text({ title: quote(p.title) }),
  editable: (p) => ({ title: p.title }),
  repeatable: false,
  resources: ['knowledge-base'],
  creates: { entity: 'kb-entry', localId: (p) => p.localId },
  apply(db, p) {
    insertLocalKbEntry(db, { id: p.localId, title: p.title, type: 'text', status: 'active', description: p.description, content: p.content, createdAt: new Date().toISOString() })
    return p
  },
  rollback(db, p) {
    removeRow(db, 'kb-entry', p.localId)
  },
  async send(ctx, p) {
    const { localId: _l, ...input } = p
    const created = await ctx.api.knowledgeBase.createText(input, ctx.call)
    return { serverId: created.id, record: created }
  },
  observe: (ctx) => newestKbEntryId(ctx, 'text'),
  async reconcile(ctx, p) {
    const found = await findCreatedKbEntry(ctx, 'text', p.title, (e) => e.title === p.title)
    return found ? { serverId: found.id, record: await ctx.api.knowledgeBase.get(found.id, ctx.call) } : null
  },
  confirm(db, p, result) {
    const created = kbDetail.safeParse(result.record)
    if (!created.success) return
    rekeyKbEntry(db, p.localId, created.data)
    release(db, { kind: 'kb-entry', id: created.data.id })
  },
  edit: (p, changes) => ({ ...p, ...z.object({ title: kbTextFields.shape.title }).partial().parse(changes) }),
}
