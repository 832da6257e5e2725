// Campaign audiences and delivery: who receives a campaign, and sending to the next few.
import type { AccountStore } from './account-store'
import type { CampaignAudience, CampaignContactRec, CampaignRec, ContactRec } from './model'
import { DAY } from './time'
import type { World } from './world'

export interface UnknownAudienceIds {
  contact_ids: number[]
  list_ids: number[]
  segment_ids: number[]
}

/** Unique union of explicit contacts, list members and segment members, without blacklisted contacts. */
export function resolveAudience(store: AccountStore, audience: CampaignAudience): { contacts: ContactRec[]; unknown: UnknownAudienceIds } {
  const unknown: UnknownAudienceIds = { contact_ids: [], list_ids: [], segment_ids: [] }
  const ids = new Set<number>()
  for (const id of audience.contactIds) {
    if (store.contacts.has(id)) ids.add(id)
    else unknown.contact_ids.push(id)
  }
  for (const id of audience.listIds) {
    const list = store.lists.get(id)
    if (list) for (const member of list.memberIds) ids.add(member)
    else unknown.list_ids.push(id)
  }
  for (const id of audience.segmentIds) {
    const segment = store.segments.get(id)
    if (segment) for (const member of segment.memberIds) ids.add(member)
    else unknown.segment_ids.push(id)
  }
  const contacts = [...ids]
    .sort((a, b) => a - b)
    .map((id) => store.contacts.get(id))
    .filter((c): c is ContactRec => c !== undefined && !c.blacklisted)
  return { contacts, unknown }
}

export function buildRecipients(world: World, contacts: readonly ContactRec[]): CampaignContactRec[] {
  return contacts.map((c) => ({
    id: world.ids.next('campaignContact'),
    contactId: c.id,
    contactName: c.name,
    phone: c.phone,
    status: 'pending',
    sentAt: null,
    error: null,
  }))
}

function failureReason(store: AccountStore, campaign: CampaignRec, contact: ContactRec | undefined): string | null {
  const channel = store.channels.find((c) => c.id === campaign.channelId)
  if (!contact) return 'Contact no longer exists.'
  if (contact.blacklisted) return 'Contact is blacklisted.'
  if (!channel || !channel.connected) return `No ${channel?.type ?? 'campaign'} channel connected.`
  if (channel.type === 'whatsapp' && !contact.phone) return 'Contact has no phone number.'
  return null
}

/** Sends to up to `count` pending recipients; each success also lands in the contact's history. */
export function deliverNext(world: World, store: AccountStore, campaign: CampaignRec, count: number, now: number): number {
  let delivered = 0
  const channel = store.channels.find((c) => c.id === campaign.channelId)
  for (const recipient of campaign.recipients) {
    if (delivered >= count) break
    if (recipient.status !== 'pending') continue
    delivered++
    const contact = store.contacts.get(recipient.contactId)
    const reason = failureReason(store, campaign, contact)
    recipient.status = reason === null ? 'sent' : 'failed'
    recipient.error = reason
    if (reason !== null || !contact || !channel) continue
    recipient.sentAt = now
    store.appendMessage({
      id: world.ids.next('message'),
      contactId: contact.id,
      direction: 'outbound',
      channel: channel.type,
      content: campaign.message,
      status: 'sent',
      sentAt: now,
      createdAt: now,
      error: null,
    })
  }
  if (delivered > 0) campaign.updatedAt = now
  return delivered
}

export interface CampaignCounts {
  total: number
  sent: number
  failed: number
  pending: number
  sentToday: number
  campaignDay: number
  progress: number
}

export function campaignCounts(campaign: CampaignRec, now: number): CampaignCounts {
  let sent = 0
  let failed = 0
  let sentToday = 0
  const today = Math.floor(now / DAY)
  for (const r of campaign.recipients) {
    if (r.status === 'sent') {
      sent++
      if (r.sentAt !== null && Math.floor(r.sentAt / DAY) === today) sentToday++
    } else if (r.status === 'failed') failed++
  }
  const total = campaign.recipients.length
  // The day count stops when the campaign stops.
  const stopped = campaign.status === 'cancelled' || campaign.status === 'paused' ? campaign.updatedAt : now
  const end = campaign.completedAt ?? stopped
  const campaignDay = campaign.startedAt === null ? 0 : Math.max(1, Math.floor((end - campaign.startedAt) / DAY) + 1)
  return {
    total,
    sent,
    failed,
    pending: total - sent - failed,
    sentToday,
    campaignDay,
    progress: total === 0 ? 0 : Math.round(((sent + failed) / total) * 100),
  }
}
