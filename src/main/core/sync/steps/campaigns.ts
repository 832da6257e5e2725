// Campaigns are re-read whole; a campaign's per-contact delivery is re-read only when its
// counters moved since it was last read (or on a full pass). A running campaign whose
// counters stand still costs nothing: re-reading its unchanged delivery pages at every
// refresh was most of a refresh's requests. Nothing is removed after a read that did not
// provably see the whole list (pass-check.ts); the sync status says so.
import type { Campaign } from '../../skylight/resources/campaigns'
import { countUnseenChildren, getSyncState, markAll, replaceCampaigns, saveSyncState, storedServerIds, sweepUnseen, upsertCampaignContacts } from '../../store'
import { call, PER_PAGE, type SyncContext } from '../context'
import { readCheckedList, readCheckedPages, SweepRefusals, unreadableMessage, wholeList, writeChecked } from '../pass-check'

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
  const refusals = new SweepRefusals()
  const read = await readCheckedList(
    wholeList('campaigns', (page) => ctx.api.campaigns.list({ page, per_page: PER_PAGE }, call(ctx)), storedServerIds(ctx.db, 'campaigns'), (id) => ctx.api.campaigns.get(id, call(ctx))),
  )
  const campaigns = read.items
  const written = writeChecked(read, refusals, (items, sweep) => replaceCampaigns(ctx.db, items, sweep))
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
    const target = { resource: 'campaign-contacts', campaignId: id } as const
    const noun = `recipients of campaign “${campaign.name}”`
    const { invalid } = await readCheckedPages(
      { noun, fetch: (page) => ctx.api.campaigns.contacts(id, { page, per_page: PER_PAGE }, call(ctx)), perPage: PER_PAGE, known: markAll(ctx.db, target) },
      (items) => void upsertCampaignContacts(ctx.db, id, items),
    )
    const unseen = countUnseenChildren(ctx.db, target)
    if (invalid > 0 && unseen > 0) {
      // Not recorded as read: the next run reads this audience again.
      refusals.add(unreadableMessage(invalid, noun, unseen))
      ctx.changed('campaigns')
      continue
    }
    sweepUnseen(ctx.db, target)
    // Recorded once the whole audience is read: a run cut short reads it again next time.
    readAt[id] = deliveryCounters(campaign)
    saveSyncState(ctx.db, DELIVERIES_STATE, { cursor: readAt })
    ctx.changed('campaigns')
  }
  refusals.report()
}
