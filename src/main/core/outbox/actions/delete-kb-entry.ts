// Delete an entry and all its files (and a catalog's products). Removed at once, put back if refused.
import { deleteRowAction, type DeleteRowPayload } from './delete-row'

export type DeleteKbEntryPayload = DeleteRowPayload<'entryId'>

export const deleteKbEntryAction = deleteRowAction({
  entity: 'kb-entry',
  idField: 'entryId',
  resources: ['knowledge-base'],
  remove: (api, id, call) => api.knowledgeBase.delete(id, call),
})
