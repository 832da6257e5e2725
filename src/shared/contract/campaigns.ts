// What the campaigns view reads: the list with progress, one campaign, its per-contact
// delivery, and the live local count of an audience.
import { z } from 'zod'
import { csvFile } from './contacts'
import { entityId, method } from './define'

const id = entityId
const ids = (max: number) => z.array(id).max(max).optional()

export const campaignProgress = z.object({
  total: z.number(),
  succeeded: z.number(),
  failed: z.number(),
  pending: z.number(),
  percent: z.number(),
})
export type CampaignProgress = z.output<typeof campaignProgress>

export const campaignItem = z.object({
  id: z.number(),
  name: z.string(),
  status: z.string(),
  channelType: z.string().nullable(),
  channelName: z.string().nullable(),
  createdAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  progress: campaignProgress,
  pending: z.boolean(),
})
export type CampaignItem = z.output<typeof campaignItem>

export const campaignDetail = campaignItem.extend({
  message: z.string().nullable(),
  contactIds: z.array(z.number()),
  listIds: z.array(z.number()),
  segmentIds: z.array(z.number()),
  dailyLimit: z.number().nullable(),
  remainingToday: z.number().nullable(),
  messagesSentToday: z.number().nullable(),
  campaignDay: z.number().nullable(),
  isNewNumber: z.boolean(),
  /** The channel it goes out through (the API's channel_id); null when SkyLight names none. */
  channelId: z.number().nullable(),
  /** The contacts chosen one by one, by name (for the editor's chips); ids the copy does not know are left out. */
  contacts: z.array(z.object({ id: z.number(), name: z.string() })),
  deliveryByStatus: z.record(z.string(), z.number()),
  /** What its status allows now (the core decides; the interface offers only these). */
  commands: z.array(z.enum(['start', 'pause', 'resume', 'cancel'])),
  /** Contacts it would reach now, once each, blacklisted left out. */
  recipients: z.number(),
  /** Why a draft cannot be started yet; empty when it can. */
  startBlockers: z.array(z.string()),
})
export type CampaignDetail = z.output<typeof campaignDetail>

export const deliveryItem = z.object({
  campaignId: z.number(),
  contactId: z.number(),
  serverId: z.number().nullable(),
  contactName: z.string().nullable(),
  phone: z.string().nullable(),
  status: z.string(),
  sentAt: z.string().nullable(),
  error: z.string().nullable(),
})
export type DeliveryItem = z.output<typeof deliveryItem>

const deliveryFilter = z.object({
  id,
  status: z.string().max(32).optional(),
  /** Part of the contact's name or phone. */
  search: z.string().max(200).optional(),
})

export const campaignMethods = {
  'campaigns-list': method(
    z.object({ status: z.string().max(32).optional(), limit: z.number().int().min(1).max(500).optional(), offset: z.number().int().min(0).optional() }).strict(),
    z.object({ items: z.array(campaignItem) }),
  ),
  'campaign-get': method(z.object({ id }).strict(), campaignDetail),
  /** One page of a campaign's delivery rows; `total` counts every row matching the filter. */
  'campaign-deliveries': method(
    deliveryFilter
      .extend({
        limit: z.number().int().min(1).max(500).optional(),
        offset: z.number().int().min(0).optional(),
      })
      .strict(),
    z.object({ items: z.array(deliveryItem), total: z.number() }),
  ),
  /** Every delivery row matching the filter (not one page), as CSV. */
  'campaign-deliveries-csv': method(deliveryFilter.strict(), csvFile),
  /** Unique recipients in the local copy across contacts, lists and segments, blacklisted excluded. */
  'audience-count': method(
    z.object({ contactIds: ids(100_000), listIds: ids(1000), segmentIds: ids(1000) }).strict(),
    z.object({ count: z.number() }),
  ),
}
