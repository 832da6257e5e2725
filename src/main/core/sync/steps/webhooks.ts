// Webhooks: one unpaginated list, re-read whole every refresh (secrets never come with it).
// The event catalogue changes with SkyLight's releases, not with the account: read on a
// full pass, or when it is not known yet, and kept so the webhook form works offline.
import { replaceWebhookEvents, replaceWebhooks, webhookEventList } from '../../store'
import { call, readAllPages, type SyncContext } from '../context'

export async function syncWebhooks(ctx: SyncContext, full = false): Promise<void> {
  const all = await readAllPages((page) => ctx.api.webhooks.list({ page }, call(ctx)))
  const written = replaceWebhooks(ctx.db, all)
  if (written.inserted.length + written.updated.length + written.removed.length > 0) ctx.changed('webhooks')
  if (full || webhookEventList(ctx.db).length === 0) replaceWebhookEvents(ctx.db, await ctx.api.webhooks.events(call(ctx)))
}
