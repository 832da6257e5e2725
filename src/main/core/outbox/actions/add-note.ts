// Add a note to a contact. POST without idempotency key: an unknown outcome is settled by
// looking for the text among the contact's notes.
import { z } from 'zod'
import { confirmLocalNote, deleteLocalNote, insertLocalNote, nextLocalId, requireLocal } from '../../store'
import { findNote, newestNoteId } from '../reconcile'
import { quote, type ActionDef } from './define'
import { t } from '../../language'

const schema = z.object({
  contactId: z.number().int(),
  text: z.string().trim().min(1, 'Write the note first.').max(5000, 'A note can be at most 5000 characters.'),
  noteLocalId: z.number().int().negative().optional(),
})
export type AddNotePayload = z.output<typeof schema>

export const addNoteAction: ActionDef<AddNotePayload> = {
  kind: 'add-note',
  payload: { current: 1, schema },
  lane: (p) => `contact:${p.contactId}`,
  summary: (p, names) => t().summary_add_note({ text: quote(p.text), to: names('contact', p.contactId) }),
  editable: (p) => ({ text: p.text }),
  repeatable: false,
  resources: ['contacts'],
  contactIds: (p) => [p.contactId],
  apply(db, p) {
    requireLocal(db, { kind: 'contact', id: p.contactId })
    const noteLocalId = p.noteLocalId ?? nextLocalId(db, 'note')
    insertLocalNote(db, { id: noteLocalId, contactId: p.contactId, content: p.text, createdAt: new Date().toISOString() })
    return { ...p, noteLocalId }
  },
  rollback(db, p) {
    if (p.noteLocalId) deleteLocalNote(db, p.noteLocalId)
  },
  async send(ctx, p) {
    const note = await ctx.api.contacts.addNote(p.contactId, p.text, ctx.call)
    return { serverId: note.id, record: note }
  },
  observe: (ctx, p) => newestNoteId(ctx, p.contactId),
  async reconcile(ctx, p) {
    const found = await findNote(ctx, p.contactId, p.text)
    return found ? { serverId: found.id, record: found } : null
  },
  confirm(db, p, result) {
    const note = result.record as { id: number; created_at: string | null } | undefined
    if (p.noteLocalId && note) confirmLocalNote(db, p.noteLocalId, { id: note.id, createdAt: note.created_at })
  },
  edit: (p, changes) => ({ ...p, ...z.object({ text: schema.shape.text }).parse(changes) }),
}
