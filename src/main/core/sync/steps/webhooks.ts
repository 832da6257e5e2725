// Webhooks: one unpaginated list, re-read whole every refresh (secrets never come with it).
// The event catalogue changes with SkyLight's releases, not with the account: read on a
// full pass, or when it is not known yet, and kept so the webhook form works offline.
// Nothing is removed after a read that did not provably see the whole list (pass-check.ts).
import { replaceWebhookEvents, replaceWebhooks, storedServerIds, webhookEventList } from '../../store'
import { call, type SyncContext } from '../context'
import { readCheckedList, SweepRefusals, wholeList, writeChecked } from '../pass-check'

export async function syncWebhooks(ctx: SyncContext, full = false): Promise<void> {
  const refusals = new SweepRefusals()
  const read = await readCheckedList(
    wholeList('webhooks', (page) => ctx.api.webhooks.list({ page }, call(ctx)), storedServerIds(ctx.db, 'webhooks'), (id) => ctx.api.webhooks.get(id, call(ctx))),
  )
  const written = writeChecked(read, refusals, (items, sweep) => replaceWebhooks(ctx.db, items, sweep))
  if (written.inserted.length + written.updated.length + written.removed.length > 0) ctx.changed('webhooks')
  if (full || webhookEventList(ctx.db).length === 0) replaceWebhookEvents(ctx.db, await ctx.api.webhooks.events(call(ctx)))
  refusals.report()
}
