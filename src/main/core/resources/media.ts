// The media library, newest first by upload time; uploads are staged and streamed.
import { deleteMediaAction } from '../outbox/actions/delete-media'
import { renameMediaAction } from '../outbox/actions/rename-media'
import { uploadMediaAction } from '../outbox/actions/upload-media'
import { mediaPass } from '../sync/steps/media'
import { defineResource } from './define'

export const mediaResource = defineResource({
  name: 'media',
  pattern: 'newest-first',
  endpoints: ['GET /media', 'GET /media/{id}', 'POST /media', 'PUT /media/{id}', 'DELETE /media/{id}'],
  fullPass: mediaPass,
  fullPassStep: 3,
  actions: [uploadMediaAction, renameMediaAction, deleteMediaAction],
})
