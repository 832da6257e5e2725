// Campaigns are re-read whole; a campaign's per-contact delivery is re-read only when its
// counters moved since it was last read (or on a full pass). A running campaign whose
// counters stand still costs nothing: re-reading its unchanged delivery pages at every
// refresh was most of a refresh's requests.
import type { Campaign } from '../../skylight/resources/campaigns'
import { getSyncState, markAll, replaceCampaigns, saveSyncState, sweepUnseen, upsertCampaignContacts } from '../../store'
import { call, PER_PAGE, readAllPages, type SyncContext } from '../context'

/** Per campaign id, the counters its delivery rows were last read at. */
const DELIVERIES_STATE = 'campaign-deliveries'
type ReadAt = Record<string, string>

/** What moves when a campaign's delivery rows change: who is in it and how far it got. */
export function deliveryCounters(c: Campaign): string {
  return [
    c.campaign_contacts_count,
    c.sent_contacts_count,
    c.failed_contacts_count,
    c.pending_contacts_count,
    c.total_contacts,
    c.success_count,
    c.failed_count,
  ].join('/')
}

export async function syncCampaigns(ctx: SyncContext, allDeliveries: boolean): Promise<void> {
  const campaigns = await readAllPages((page) => ctx.api.campaigns.list({ page, per_page: PER_PAGE }, call(ctx)))
  const written = replaceCampaigns(ctx.db, campaigns)
  if (written.inserted.length + written.updated.length + written.removed.length > 0) ctx.changed('campaigns')

  // Campaigns whose delete is still queued are not stored, and get no delivery rows.
  const stored = new Set([...written.inserted, ...written.updated, ...written.unchanged, ...written.skipped])
  const before = (getSyncState(ctx.db, DELIVERIES_STATE)?.cursor ?? {}) as ReadAt
  const readAt: ReadAt = {}
  for (const c of campaigns) if (stored.has(c.id) && before[c.id] !== undefined) readAt[c.id] = before[c.id]!
  // Saved at once, so campaigns gone from the server are forgotten even if nothing is due.
  saveSyncState(ctx.db, DELIVERIES_STATE, { cursor: readAt })

  const due = campaigns.filter((c) => stored.has(c.id) && (allDeliveries || readAt[c.id] !== deliveryCounters(c)))
  for (const campaign of due) {
    const id = campaign.id
    // Page by page, a transaction each, so a large audience never blocks the app.
    markAll(ctx.db, { resource: 'campaign-contacts', campaignId: id })
    for (let page = 1; ; page++) {
      const result = await ctx.api.campaigns.contacts(id, { page, per_page: PER_PAGE }, call(ctx))
      upsertCampaignContacts(ctx.db, id, result.items)
      if (page >= result.lastPage || result.items.length === 0) break
    }
    sweepUnseen(ctx.db, { resource: 'campaign-contacts', campaignId: id })
    // Recorded once the whole audience is read: a run cut short reads it again next time.
    readAt[id] = deliveryCounters(campaign)
    saveSyncState(ctx.db, DELIVERIES_STATE, { cursor: readAt })
    ctx.changed('campaigns')
  }
}
