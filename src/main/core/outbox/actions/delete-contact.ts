// Delete a contact. Removed at once (its messages go with it locally); if SkyLight refuses,
// the contact row is put back and sync brings back the rest.
import { deleteRowAction, type DeleteRowPayload } from './delete-row'
import { t } from '../../language'

export type DeleteContactPayload = DeleteRowPayload<'contactId'>

export const deleteContactAction = deleteRowAction({
  entity: 'contact',
  idField: 'contactId',
  noun: () => t().noun_contact(),
  resources: ['contacts', 'conversations', 'messages'],
  contactIds: (id) => [id],
  remove: (api, id, call) => api.contacts.delete(id, call),
})
