// Delete a media file. Removed from the library at once; put back if SkyLight refuses
// (files uploaded by an administrator cannot be deleted through the API).
import { deleteRowAction, type DeleteRowPayload } from './delete-row'

export type DeleteMediaPayload = DeleteRowPayload<'mediaId'>

export const deleteMediaAction = deleteRowAction({
  entity: 'media',
  idField: 'mediaId',
  resources: ['media'],
  remove: (api, id, call) => api.media.delete(id, call),
})
