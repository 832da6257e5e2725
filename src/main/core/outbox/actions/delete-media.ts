// Delete a media file. Removed from the library at once; put back if SkyLight refuses
// (files uploaded by an administrator cannot be deleted through the API).
import { deleteRowAction, type DeleteRowPayload } from './delete-row'
import { t } from '../../language'

export type DeleteMediaPayload = DeleteRowPayload<'mediaId'>

export const deleteMediaAction = deleteRowAction({
  entity: 'media',
  idField: 'mediaId',
  noun: () => t().noun_media(),
  resources: ['media'],
  remove: (api, id, call) => api.media.delete(id, call),
})
