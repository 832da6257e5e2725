// Delete a media file. Removed from the library at once; put back if SkyLight refuses
// (files uploaded by an administrator cannot be deleted through the API).
import { z } from 'zod'
import { removeRow, restoreRow, type RowSnapshot } from '../../store'
import type { ActionDef } from './define'
import { gone } from './hold'

const schema = z.object({
  mediaId: z.number().int(),
  /** The row as it was, to restore on failure. */
  snapshot: z.record(z.string(), z.unknown()).nullish(),
})
export type DeleteMediaPayload = z.output<typeof schema>

export const deleteMediaAction: ActionDef<DeleteMediaPayload> = {
  kind: 'delete-media',
  payload: { current: 1, schema },
  lane: (p) => `media:${p.mediaId}`,
  summary: (p) => `Delete ${p.snapshot?.name ? `“${String(p.snapshot.name)}”` : `media file ${p.mediaId}`}`,
  repeatable: true,
  resources: ['media'],
  apply(db, p) {
    const snapshot = removeRow(db, 'media', p.mediaId)
    return { ...p, snapshot: p.snapshot ?? snapshot }
  },
  rollback(db, p) {
    if (p.snapshot) restoreRow(db, 'media', { ...(p.snapshot as RowSnapshot<'media'>), id: p.mediaId, localRevision: 0 })
  },
  async send(ctx, p) {
    await gone(ctx.api.media.delete(p.mediaId, ctx.call))
    return { serverId: p.mediaId }
  },
  confirm() {},
}
