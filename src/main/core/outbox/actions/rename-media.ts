// Rename a media file (PUT: the same name twice is one rename). Consecutive renames, or a
// rename of a file whose upload has not started, become one request.
import { z } from 'zod'
import { patchRow } from '../../store'
import { quote, type ActionDef } from './define'
import { hold, release } from './hold'
import { t } from '../../language'

const schema = z.object({
  mediaId: z.number().int(),
  name: z.string().trim().min(1, 'Give the file a name.').max(255, 'A name can be at most 255 characters.'),
  /** The name before the first of the coalesced renames, put back if it fails. */
  previous: z.string().optional(),
})
export type RenameMediaPayload = z.output<typeof schema>

export const renameMediaAction: ActionDef<RenameMediaPayload> = {
  kind: 'rename-media',
  payload: { current: 1, schema },
  lane: (p) => `media:${p.mediaId}`,
  summary: (p) => t().summary_rename({ from: p.previous !== undefined ? quote(p.previous) : t().summary_noun_id({ noun: t().noun_media(), id: p.mediaId }), to: quote(p.name) }),
  editable: (p) => ({ name: p.name }),
  repeatable: true,
  resources: ['media'],
  apply(db, p, { hold: holding }) {
    const before = patchRow(db, 'media', p.mediaId, { name: p.name })
    if (holding) hold(db, { kind: 'media', id: p.mediaId })
    return { ...p, previous: p.previous ?? before.name ?? undefined }
  },
  rollback(db, p) {
    if (p.previous !== undefined) patchRow(db, 'media', p.mediaId, { name: p.previous })
    release(db, { kind: 'media', id: p.mediaId })
  },
  async send(ctx, p) {
    const file = await ctx.api.media.rename(p.mediaId, p.name, ctx.call)
    return { serverId: file.id }
  },
  confirm(db, p) {
    release(db, { kind: 'media', id: p.mediaId })
  },
  coalesce(queued, next) {
    const q = queued.payload as { mediaId?: number; localId?: number }
    if (queued.kind === 'rename-media' && q.mediaId === next.mediaId) return { ...queued.payload as object, name: next.name }
    if (queued.kind === 'upload-media' && q.localId === next.mediaId) return { ...queued.payload as object, name: next.name }
    return null
  },
  edit: (p, changes) => ({ ...p, ...z.object({ name: schema.shape.name }).parse(changes) }),
}
