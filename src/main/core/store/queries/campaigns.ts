// Campaigns with their progress, one campaign in detail, and its per-contact delivery.
import { and, asc, count, desc, eq } from 'drizzle-orm'
import type { StoreDb } from '../db'
import { notFound } from '../errors'
import { campaignContacts, campaigns } from '../schema/campaigns'
import { clampLimit } from './page'

type CampaignRow = typeof campaigns.$inferSelect

export interface CampaignProgress {
  total: number
  succeeded: number
  failed: number
  pending: number
  /** 0–100: the server's figure, or worked out from the counts when it sent none. */
  percent: number
}

export interface CampaignItem {
  id: number
  name: string
  status: string
  channelType: string | null
  channelName: string | null
  createdAt: string | null
  startedAt: string | null
  completedAt: string | null
  progress: CampaignProgress
  pending: boolean
}

function progressOf(row: CampaignRow): CampaignProgress {
  const total = row.totalContacts || row.campaignContactsCount
  const done = row.successCount + row.failedCount
  const computed = total > 0 ? Math.round((done / total) * 100) : 0
  return {
    total,
    succeeded: row.successCount,
    failed: row.failedCount,
    pending: row.pendingContactsCount || Math.max(total - done, 0),
    percent: Math.min(Math.max(row.progressPercentage || computed, 0), 100),
  }
}

function toItem(row: CampaignRow): CampaignItem {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    channelType: row.channelType,
    channelName: row.channelName,
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    completedAt: row.completedAt,
    progress: progressOf(row),
    pending: row.localRevision > 0,
  }
}

/** Newest first. */
export function campaignList(db: StoreDb, options: { status?: string; limit?: number; offset?: number } = {}): CampaignItem[] {
  return db
    .select()
    .from(campaigns)
    .where(options.status === undefined ? undefined : eq(campaigns.status, options.status))
    .orderBy(desc(campaigns.createdAtMs), desc(campaigns.id))
    .limit(clampLimit(options.limit))
    .offset(Math.max(0, options.offset ?? 0))
    .all()
    .map(toItem)
}

export interface CampaignDetail extends CampaignItem {
  message: string | null
  contactIds: number[]
  listIds: number[]
  segmentIds: number[]
  dailyLimit: number | null
  remainingToday: number | null
  messagesSentToday: number | null
  campaignDay: number | null
  isNewNumber: boolean
  channelId: number | null
  /** Delivery rows stored locally, by status (what has been synced of /contacts). */
  deliveryByStatus: Record<string, number>
}

export function getCampaign(db: StoreDb, campaignId: number): CampaignDetail {
  const row = db.select().from(campaigns).where(eq(campaigns.id, campaignId)).get()
  if (!row) throw notFound(`Campaign ${campaignId}`)
  const counts = db
    .select({ status: campaignContacts.status, n: count() })
    .from(campaignContacts)
    .where(eq(campaignContacts.campaignId, campaignId))
    .groupBy(campaignContacts.status)
    .all()
  return {
    ...toItem(row),
    message: row.message,
    contactIds: row.contactIds,
    listIds: row.listIds,
    segmentIds: row.segmentIds,
    dailyLimit: row.dailyLimit,
    remainingToday: row.remainingToday,
    messagesSentToday: row.messagesSentToday,
    campaignDay: row.campaignDay,
    isNewNumber: row.isNewNumber,
    channelId: row.channelId,
    deliveryByStatus: Object.fromEntries(counts.map((c) => [c.status, c.n])),
  }
}

export type CampaignContactItem = Omit<typeof campaignContacts.$inferSelect, 'unseen'>

export function campaignContactsPage(
  db: StoreDb,
  campaignId: number,
  options: { status?: string; limit?: number; offset?: number } = {},
): CampaignContactItem[] {
  return db
    .select()
    .from(campaignContacts)
    .where(
      and(
        eq(campaignContacts.campaignId, campaignId),
        options.status === undefined ? undefined : eq(campaignContacts.status, options.status),
      ),
    )
    .orderBy(asc(campaignContacts.contactName), asc(campaignContacts.contactId))
    .limit(clampLimit(options.limit))
    .offset(Math.max(0, options.offset ?? 0))
    .all()
    .map(({ unseen: _u, ...row }) => row)
}
