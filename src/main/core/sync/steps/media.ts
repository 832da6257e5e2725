// The media library, newest first: incremental reads until a page brings nothing new;
// renames and deletions of older files are caught by the deletion pass.
import { upsertMedia } from '../../store'
import { call, PER_PAGE, type SyncContext } from '../context'
import { runDeletionPass } from './deletion-pass'

export async function syncNewMedia(ctx: SyncContext): Promise<void> {
  for (let page = 1; ; page++) {
    const result = await ctx.api.media.list({ page, per_page: PER_PAGE }, call(ctx))
    const written = upsertMedia(ctx.db, result.items)
    if (written.inserted.length + written.updated.length > 0) ctx.changed('media')
    if (page >= result.lastPage || written.inserted.length === 0) break
  }
}

export function mediaPass(ctx: SyncContext): Promise<void> {
  return runDeletionPass(ctx, {
    resource: 'media',
    view: 'media',
    fetchPage: (page, perPage) => ctx.api.media.list({ page, per_page: perPage }, call(ctx)),
    write: upsertMedia,
    fetchOne: (id) => ctx.api.media.get(id, call(ctx)),
  })
}
