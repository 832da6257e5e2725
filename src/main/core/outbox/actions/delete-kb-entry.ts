// Delete an entry and all its files (and a catalog's products). Removed at once, put back if refused.
import { deleteRowAction, type DeleteRowPayload } from './delete-row'
import { t } from '../../language'

export type DeleteKbEntryPayload = DeleteRowPayload<'entryId'>

export const deleteKbEntryAction = deleteRowAction({
  entity: 'kb-entry',
  idField: 'entryId',
  noun: () => t().noun_kb_entry(),
  resources: ['knowledge-base'],
  remove: (api, id, call) => api.knowledgeBase.delete(id, call),
})
