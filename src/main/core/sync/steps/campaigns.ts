// Campaigns are re-read whole; a campaign's per-contact delivery is re-read when its
// counters moved (running ones, mostly) or on a full pass.
import { campaignIdsByStatus, markAll, pendingDeletes, replaceCampaigns, sweepUnseen, upsertCampaignContacts } from '../../store'
import { call, PER_PAGE, readAllPages, type SyncContext } from '../context'

export async function syncCampaigns(ctx: SyncContext, allDeliveries: boolean): Promise<void> {
  const campaigns = await readAllPages((page) => ctx.api.campaigns.list({ page, per_page: PER_PAGE }, call(ctx)))
  const written = replaceCampaigns(ctx.db, campaigns)
  ctx.changed('campaigns')

  const due = new Set(allDeliveries ? campaigns.map((c) => c.id) : [...written.inserted, ...written.updated])
  for (const id of campaignIdsByStatus(ctx.db, ['running'])) due.add(id)
  // A campaign the user deleted (the delete still queued) is not in the local copy: its
  // deliveries have nowhere to go, and reading them would only cost requests.
  for (const id of pendingDeletes(ctx.db, 'campaign')) due.delete(id)
  for (const id of due) {
    // Page by page, a transaction each, so a large audience never blocks the app.
    markAll(ctx.db, { resource: 'campaign-contacts', campaignId: id })
    for (let page = 1; ; page++) {
      const result = await ctx.api.campaigns.contacts(id, { page, per_page: PER_PAGE }, call(ctx))
      upsertCampaignContacts(ctx.db, id, result.items)
      if (page >= result.lastPage || result.items.length === 0) break
    }
    sweepUnseen(ctx.db, { resource: 'campaign-contacts', campaignId: id })
  }
  if (due.size > 0) ctx.changed('campaigns')
}
