// Campaigns are read whole; their per-contact delivery arrives page by page.
import { and, eq, inArray } from 'drizzle-orm'
import type { Campaign, CampaignContact } from '../../skylight/resources/campaigns'
import { inTransaction, type StoreDb } from '../db'
import { notFound } from '../errors'
import { campaignContacts, campaigns } from '../schema/campaigns'
import { epochMs } from '../time'
import { withoutPendingDeletes } from '../queries/pending-deletes'
import { unsettledIds } from '../queries/unsettled-lanes'
import { partition, type PageWrite } from './partition'
import { replaceCollection, type ReplaceResult } from './replace'
import { inIds, upsertRows } from './upsert-rows'

export function campaignRow(c: Campaign) {
  return {
    id: c.id,
    name: c.name,
    status: c.status,
    message: c.message,
    contactIds: c.contact_ids,
    listIds: c.list_ids,
    segmentIds: c.segment_ids,
    totalContacts: c.total_contacts,
    successCount: c.success_count,
    failedCount: c.failed_count,
    progressPercentage: c.progress_percentage,
    campaignDay: c.campaign_day,
    messagesSentToday: c.messages_sent_today,
    dailyLimit: c.daily_limit,
    remainingToday: c.remaining_today,
    isNewNumber: c.is_new_number,
    channelId: c.client_setting?.id ?? null,
    channelName: c.client_setting?.name ?? null,
    channelType: c.client_setting?.type ?? null,
    campaignContactsCount: c.campaign_contacts_count,
    sentContactsCount: c.sent_contacts_count,
    failedContactsCount: c.failed_contacts_count,
    pendingContactsCount: c.pending_contacts_count,
    startedAt: c.started_at,
    completedAt: c.completed_at,
    createdAt: c.created_at,
    createdAtMs: epochMs(c.created_at),
    updatedAt: c.updated_at,
  } satisfies typeof campaigns.$inferInsert
}

/** Removing a campaign also removes its delivery rows (foreign-key cascade). */
export function replaceCampaigns(db: StoreDb, all: readonly Campaign[], sweep = true): ReplaceResult<number> {
  return inTransaction(db, (tx) =>
    replaceCollection(withoutPendingDeletes(tx, 'campaign', all, (c) => c.id).map(campaignRow), {
      keyOf: (row) => row.id,
      stored: () => new Map(tx.select().from(campaigns).all().map((r) => [r.id, r])),
      write: (rows) => upsertRows(tx, campaigns, rows, campaigns.id),
      remove: (ids) => tx.delete(campaigns).where(inArray(campaigns.id, ids)).run(),
      busy: () => unsettledIds(tx, 'campaign'),
    }, sweep),
  )
}

/** One page of a campaign's /contacts (delivery per contact), keyed by contact id. */
export function upsertCampaignContacts(db: StoreDb, campaignId: number, page: readonly CampaignContact[]): PageWrite<number> {
  return inTransaction(db, (tx) => {
    if (!tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.id, campaignId)).get()) {
      throw notFound(`Campaign ${campaignId}`)
    }
    const incoming = page.map((c) => ({
      campaignId,
      contactId: c.contact_id,
      serverId: c.id,
      contactName: c.contact_name,
      phone: c.phone,
      status: c.status,
      sentAt: c.sent_at,
      error: c.error,
    }))
    const scope = eq(campaignContacts.campaignId, campaignId)
    const stored = new Map(
      tx
        .select()
        .from(campaignContacts)
        .where(and(scope, inIds(campaignContacts.contactId, incoming.map((r) => r.contactId))))
        .all()
        // Delivery rows are the server's alone; nothing local ever changes them.
        .map((r) => [r.contactId, { ...r, localRevision: 0 }]),
    )
    const { insert, update, result } = partition(incoming, (r) => r.contactId, stored)
    upsertRows(
      tx,
      campaignContacts,
      [...insert, ...update].map((values) => ({ ...values, unseen: false })),
      [campaignContacts.campaignId, campaignContacts.contactId],
    )
    if (result.unchanged.length > 0) {
      tx.update(campaignContacts)
        .set({ unseen: false })
        .where(and(scope, inIds(campaignContacts.contactId, result.unchanged)))
        .run()
    }
    return result
  })
}
