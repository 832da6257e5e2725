// Upload a file to the media library. The file was checked and copied into the staging
// folder when queued (staging.ts), so the user may move or delete the original. The
// endpoint takes no idempotency key: an unknown outcome is settled by looking for the
// original name and size among the newest files.
import { checkPlanLimit } from '../../plan-limits'
import { pathToFileURL } from 'node:url'
import { z } from 'zod'
import { mediaFile } from '../../skylight/resources/media'
import { insertLocalMedia, rekeyMedia, removeRow } from '../../store'
import { findUpload, newestUploadId } from '../reconcile'
import { quote, type ActionDef } from './define'
import { release } from './hold'
import { t } from '../../language'

const schema = z.object({
  /** The local media row (negative id) until the server's record replaces it. */
  localId: z.number().int().negative(),
  stagingPath: z.string().min(1),
  originalName: z.string().min(1),
  name: z.string().max(255).optional(),
  size: z.number().int().positive(),
  mimeType: z.string(),
  fileType: z.enum(['image', 'video']),
  extension: z.string(),
})
export type UploadMediaPayload = z.output<typeof schema>

export const uploadMediaAction: ActionDef<UploadMediaPayload> = {
  kind: 'upload-media',
  payload: { current: 1, schema },
  lane: (p) => `media:${p.localId}`,
  summary: (p) => t().summary_upload({ name: quote(p.name || p.originalName) }),
  editable: (p) => ({ name: p.name || p.originalName }),
  repeatable: false,
  resources: ['media'],
  creates: { entity: 'media', localId: (p) => p.localId },
  apply(db, p) {
    checkPlanLimit(db, 'media_files')
    insertLocalMedia(db, {
      id: p.localId,
      name: p.name || p.originalName,
      originalName: p.originalName,
      url: pathToFileURL(p.stagingPath).href,
      fileType: p.fileType,
      mimeType: p.mimeType,
      extension: p.extension,
      fileSize: p.size,
      createdAt: new Date().toISOString(),
    })
    return p
  },
  rollback(db, p) {
    removeRow(db, 'media', p.localId)
  },
  async send(ctx, p) {
    const file = await ctx.api.media.upload(p.stagingPath, {
      ...ctx.call,
      fileName: p.originalName,
      ...(p.name ? { name: p.name } : {}),
      onProgress: (sent, total) => ctx.onProgress(sent, total),
    })
    return { serverId: file.id, record: file }
  },
  observe: (ctx) => newestUploadId(ctx),
  async reconcile(ctx, p) {
    const found = await findUpload(ctx, p.originalName, p.size)
    return found ? { serverId: found.id, record: found } : null
  },
  confirm(db, p, result) {
    const file = mediaFile.safeParse(result.record)
    if (!file.success) return
    rekeyMedia(db, p.localId, file.data)
    release(db, { kind: 'media', id: file.data.id })
  },
  edit: (p, changes) => ({ ...p, ...z.object({ name: schema.shape.name }).parse(changes) }),
}
