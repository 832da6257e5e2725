// Edit a contact's fields (PUT: repeatable). Consecutive edits, or edits of a contact not
// yet created, are merged into one request.
import { z } from 'zod'
import { patchRow } from '../../store'
import { contactChanges } from './contact-fields'
import { quote, type ActionDef } from './define'
import { hold, release } from './hold'
import { t } from '../../language'

const schema = z.object({
  contactId: z.number().int(),
  changes: contactChanges,
  previous: z.record(z.string(), z.unknown()).default({}),
})
export type UpdateContactPayload = z.output<typeof schema>

export const updateContactAction: ActionDef<UpdateContactPayload> = {
  kind: 'update-contact',
  payload: { current: 1, schema },
  lane: (p) => `contact:${p.contactId}`,
  summary: (p, names) =>
    t().summary_edit({ what: p.changes.name ? t().summary_named({ noun: t().noun_contact(), name: quote(p.changes.name) }) : names('contact', p.contactId) }),
  repeatable: true,
  resources: ['contacts'],
  contactIds: (p) => [p.contactId],
  apply(db, p, { hold: holding }) {
    const before = patchRow(db, 'contact', p.contactId, p.changes)
    if (holding) hold(db, { kind: 'contact', id: p.contactId })
    return { ...p, previous: { ...before, ...p.previous } }
  },
  rollback(db, p) {
    patchRow(db, 'contact', p.contactId, p.previous)
    release(db, { kind: 'contact', id: p.contactId })
  },
  async send(ctx, p) {
    const saved = await ctx.api.contacts.update(p.contactId, p.changes, ctx.call)
    return { serverId: saved.id }
  },
  confirm(db, p) {
    release(db, { kind: 'contact', id: p.contactId })
  },
  coalesce(queued, next) {
    const q = queued.payload as { contactId?: number; localId?: number; changes?: object }
    if (queued.kind === 'update-contact' && q.contactId === next.contactId) return { ...q, changes: { ...q.changes, ...next.changes } }
    if (queued.kind === 'create-contact' && q.localId === next.contactId) return { ...q, ...next.changes }
    return null
  },
  edit: (p, changes) => ({ ...p, changes: { ...p.changes, ...contactChanges.parse(changes) } }),
}
