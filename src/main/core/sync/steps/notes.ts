// A contact's notes are read when the contact is opened, not by the sync passes: reading
// them for every contact would cost one request each (10k contacts, 10k requests).
import { replaceContactNotes } from '../../store'
import { call, type SyncContext } from '../context'

export async function syncNotes(ctx: SyncContext, contactId: number): Promise<void> {
  const notes = await ctx.api.contacts.notes(contactId, call(ctx, 'user'))
  const written = replaceContactNotes(ctx.db, contactId, notes.items)
  if (written.inserted.length + written.updated.length + written.removed.length > 0) ctx.changed('contacts', contactId)
}
