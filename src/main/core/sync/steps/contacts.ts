// Contacts: the list has no "changed since", so it is read whole in a deletion pass.
import { upsertContacts } from '../../store'
import { call, type SyncContext } from '../context'
import { runDeletionPass } from './deletion-pass'

export function contactsPass(ctx: SyncContext): Promise<void> {
  return runDeletionPass(ctx, {
    resource: 'contacts',
    view: 'contacts',
    fetchPage: (page, perPage) => ctx.api.contacts.list({ page, per_page: perPage }, call(ctx)),
    write: upsertContacts,
    fetchOne: (id) => ctx.api.contacts.get(id, call(ctx)),
  })
}
