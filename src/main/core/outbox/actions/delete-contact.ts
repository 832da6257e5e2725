// Delete a contact. Removed at once (its messages go with it locally); if SkyLight refuses,
// the contact row is put back and sync brings back the rest.
import { z } from 'zod'
import { removeRow, restoreRow, type RowSnapshot } from '../../store'
import type { ActionDef } from './define'
import { gone } from './hold'

const schema = z.object({
  contactId: z.number().int(),
  snapshot: z.record(z.string(), z.unknown()).nullish(),
})
export type DeleteContactPayload = z.output<typeof schema>

export const deleteContactAction: ActionDef<DeleteContactPayload> = {
  kind: 'delete-contact',
  payload: { current: 1, schema },
  lane: (p) => `contact:${p.contactId}`,
  summary: (p) => `Delete contact ${p.snapshot?.name ? `“${String(p.snapshot.name)}”` : p.contactId}`,
  repeatable: true,
  resources: ['contacts', 'conversations', 'messages'],
  contactIds: (p) => [p.contactId],
  apply(db, p) {
    const snapshot = removeRow(db, 'contact', p.contactId)
    return { ...p, snapshot: p.snapshot ?? snapshot }
  },
  rollback(db, p) {
    if (p.snapshot) restoreRow(db, 'contact', { ...(p.snapshot as RowSnapshot<'contact'>), id: p.contactId, localRevision: 0 })
  },
  async send(ctx, p) {
    await gone(ctx.api.contacts.delete(p.contactId, ctx.call))
    return { serverId: p.contactId }
  },
  confirm() {},
}
