// Webhooks: one unpaginated list, re-read whole every refresh. Secrets never come with it.
import { replaceWebhooks } from '../../store'
import { call, readAllPages, type SyncContext } from '../context'

export async function syncWebhooks(ctx: SyncContext): Promise<void> {
  const all = await readAllPages((page) => ctx.api.webhooks.list({ page }, call(ctx)))
  const written = replaceWebhooks(ctx.db, all)
  if (written.inserted.length + written.updated.length + written.removed.length > 0) ctx.changed('webhooks')
}
