// The contact the user opens is read from SkyLight then: its record and its notes. The
// contacts list has no "changed since" and no sort by updated_at (docs: page, per_page,
// search, type, blacklisted, tag only), so sync cannot find a contact changed elsewhere
// (blacklisted, tagged, renamed) without reading the whole list — a full pass, every 6
// hours. Reading the one the user looks at costs a request when it matters and none while
// idle; a rename reaches the inbox sooner through the conversation list's names, and a
// contact deleted elsewhere goes at the next deletion pass (a 404 here leaves it to that).
import { NotFoundError } from '../../skylight'
import { upsertContacts } from '../../store'
import { call, type SyncContext } from '../context'
import { syncNotes } from './notes'

export async function syncOpenedContact(ctx: SyncContext, contactId: number): Promise<void> {
  try {
    const contact = await ctx.api.contacts.get(contactId, call(ctx, 'user'))
    const written = upsertContacts(ctx.db, [contact])
    if (written.inserted.length + written.updated.length > 0) ctx.changed('contacts', contactId)
  } catch (error) {
    if (error instanceof NotFoundError) return
    throw error
  }
  await syncNotes(ctx, contactId)
}
