// Campaigns with their progress, one campaign in detail, and its per-contact delivery.
import { and, asc, count, desc, eq, or, sql } from 'drizzle-orm'
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
  if (!row) throw notFound({ kind: 'campaign', id: campaignId })
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

export interface DeliveryFilter {
  status?: string
  /** Part of the contact's name (any case) or of the phone's digits. */
  search?: string
}

function deliveryWhere(campaignId: number, filter: DeliveryFilter) {
  const text = filter.search?.trim() ?? ''
  const digits = text.replace(/\D/g, '')
  const like = (value: string) => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  const phoneDigits = sql`replace(replace(replace(replace(replace(coalesce(${campaignContacts.phone}, ''), '+', ''), ' ', ''), '-', ''), '(', ''), ')', '')`
  return and(
    eq(campaignContacts.campaignId, campaignId),
    filter.status === undefined ? undefined : eq(campaignContacts.status, filter.status),
    text === ''
      ? undefined
      : or(
          sql`lower(coalesce(${campaignContacts.contactName}, '')) LIKE lower(${like(text)}) ESCAPE '\\'`,
          digits.length >= 3 ? sql`${phoneDigits} LIKE ${like(digits)} ESCAPE '\\'` : undefined,
        ),
  )
}

const deliveryOrder = [asc(campaignContacts.contactName), asc(campaignContacts.contactId)]

/** One page of a campaign's delivery rows (by name), and how many rows match in all. */
export function campaignContactsPage(
  db: StoreDb,
  campaignId: number,
  options: DeliveryFilter & { limit?: number; offset?: number } = {},
): { items: CampaignContactItem[]; total: number } {
  const where = deliveryWhere(campaignId, options)
  const items = db
    .select()
    .from(campaignContacts)
    .where(where)
    .orderBy(...deliveryOrder)
    .limit(clampLimit(options.limit))
    .offset(Math.max(0, options.offset ?? 0))
    .all()
    .map(({ unseen: _u, ...row }) => row)
  const total = db.select({ n: count() }).from(campaignContacts).where(where).get()?.n ?? 0
  return { items, total }
}

/** Every delivery row matching the filter, in the table's order (for an export). */
export function campaignContactsAll(db: StoreDb, campaignId: number, filter: DeliveryFilter = {}): CampaignContactItem[] {
  return db
    .select()
    .from(campaignContacts)
    .where(deliveryWhere(campaignId, filter))
    .orderBy(...deliveryOrder)
    .all()
    .map(({ unseen: _u, ...row }) => row)
}

/** The campaign's name, or not-found. */
export function campaignName(db: StoreDb, campaignId: number): string {
  const row = db.select({ name: campaigns.name }).from(campaigns).where(eq(campaigns.id, campaignId)).get()
  if (!row) throw notFound({ kind: 'campaign', id: campaignId })
  return row.name
}
