// The API's JSON shapes, built from the records. Routes and dump() both use these,
// so a dump compares field for field with what the API returned.
import type { AccountStore, ConversationEntry } from './account-store'
import { campaignCounts } from './campaigns'
import type {
  CampaignContactRec, CampaignRec, ChannelRec, ContactRec, GroupRec, MediaRec, MessageRec, NoteRec, TagRec,
} from './model'
import { formatSize as formatSizeFor } from './media-files'
import { iso, isoOrNull } from './time'
import type { World } from './world'

const COUNTRIES: Readonly<Record<number, { name: string; code: string }>> = {
  194: { name: 'Saudi Arabia', code: 'SA' },
  233: { name: 'United States', code: 'US' },
  232: { name: 'United Kingdom', code: 'GB' },
  65: { name: 'Egypt', code: 'EG' },
}

/**
 * The docs hold two versions of the account object; this returns the newer one
 * (company_name, slug, country, primary_user, status 1) plus the older names
 * (name, email, locale) so a client written against either keeps working.
 */
export function accountJson(store: AccountStore) {
  const p = store.profile
  const country = COUNTRIES[p.countryId] ?? { name: 'Unknown', code: 'XX' }
  return {
    id: p.id,
    company_name: p.companyName,
    name: p.companyName,
    slug: p.slug,
    email: p.email,
    address: p.address,
    timezone: p.timezone,
    locale: p.locale,
    country: { id: p.countryId, ...country },
    primary_user: {
      id: p.primaryUser.id,
      first_name: p.primaryUser.firstName,
      last_name: p.primaryUser.lastName,
      email: p.primaryUser.email,
      phone: p.primaryUser.phone,
    },
    status: 1,
    created_at: iso(p.createdAt),
  }
}

function monthlyOutbound(store: AccountStore, now: number): number {
  const d = new Date(now)
  const monthStart = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1)
  let used = 0
  for (const history of store.messages.values()) {
    for (const m of history) if (m.direction === 'outbound' && m.createdAt >= monthStart) used++
  }
  return used
}

export function subscriptionJson(store: AccountStore, now: number) {
  const l = store.limits
  return {
    plan: { id: 3, name: 'Business', slug: 'business' },
    status: 'active',
    expires_at: iso(Date.UTC(new Date(now).getUTCFullYear() + 1, 2, 1)),
    limits: {
      contacts: { max: l.contacts, used: store.contacts.size },
      team_members: { max: l.teamMembers, used: store.team.size },
      messages_per_month: { max: l.messagesPerMonth, used: monthlyOutbound(store, now) },
      // Key names not confirmed by the docs (they only say these limits exist). max null = unlimited.
      media_files: { max: l.mediaFiles, used: store.media.size },
      campaigns: { max: l.campaigns, used: store.campaigns.size },
    },
    features: { webhooks: true, api_access: true, booking: true, omni_channel: true, advanced_analytics: false },
  }
}

export function channelJson(c: ChannelRec) {
  return {
    id: c.id,
    type: c.type,
    username: c.username,
    is_connected: c.connected,
    sync_status: c.syncStatus ?? (c.connected ? 'OK' : 'STOPPED'),
    last_synced_at: isoOrNull(c.lastSyncedAt),
  }
}

const byId = (a: { id: number }, b: { id: number }) => a.id - b.id

function groupRefs(ids: Set<number>, groups: Map<number, GroupRec>) {
  return [...ids].map((id) => groups.get(id)).filter((g): g is GroupRec => g !== undefined).sort(byId)
    .map((g) => ({ id: g.id, name: g.name }))
}

/** The documented Contact object, plus `lists` and `segments` ({id, name}) memberships. */
export function contactJson(store: AccountStore, c: ContactRec) {
  const tags = [...c.tagIds].map((id) => store.tags.get(id)).filter((t): t is TagRec => t !== undefined).sort(byId)
  return {
    id: c.id,
    name: c.name,
    email: c.email,
    phone: c.phone,
    type: c.type,
    status: c.status,
    blacklisted: c.blacklisted,
    tags: tags.map((t) => t.title),
    lists: groupRefs(c.listIds, store.lists),
    segments: groupRefs(c.segmentIds, store.segments),
    last_message_at: isoOrNull(c.lastMessageAt),
    created_at: iso(c.createdAt),
    updated_at: iso(c.updatedAt),
  }
}

export function noteJson(n: NoteRec) {
  return { id: n.id, contact_id: n.contactId, note: n.note, created_at: iso(n.createdAt) }
}

export function tagJson(t: TagRec) {
  return { id: t.id, title: t.title, contacts_count: t.contactIds.size, created_at: iso(t.createdAt) }
}

/** ContactList object; segments use the same shape. */
export function groupJson(g: GroupRec) {
  return { id: g.id, name: g.name, status: g.status, contacts_count: g.memberIds.size, created_at: iso(g.createdAt) }
}

export function memberJson(c: ContactRec) {
  return { id: c.id, name: c.name, phone: c.phone, type: c.type }
}

/**
 * The Message object, exactly the documented fields: a failed message's reason is kept on
 * the record but only the send's failure answer carries it (sendFailureJson).
 */
export function messageJson(m: MessageRec) {
  return {
    id: m.id,
    contact_id: m.contactId,
    direction: m.direction,
    channel: m.channel,
    content: m.content,
    status: m.status,
    sent_at: isoOrNull(m.sentAt),
    created_at: iso(m.createdAt),
  }
}

/** POST /messages/send's 201 `data`: the keys of the docs' example, no more (no direction, no created_at). */
export function sentMessageJson(m: MessageRec) {
  return {
    id: m.id,
    contact_id: m.contactId,
    channel: m.channel,
    content: m.content,
    status: m.status,
    sent_at: isoOrNull(m.sentAt),
  }
}

/** POST /messages/send's failure `data`: the saved record's id, its status and why. */
export function sendFailureJson(m: MessageRec) {
  return { id: m.id, status: 'failed' as const, error: m.error }
}

/** unread_count: inbound messages after the contact's last outbound one. */
export function conversationJson(store: AccountStore, entry: ConversationEntry) {
  const history = store.messages.get(entry.contactId) ?? []
  const last = history[history.length - 1]
  let unread = 0
  for (let i = history.length - 1; i >= 0 && history[i]?.direction === 'inbound'; i--) unread++
  const contact = store.contacts.get(entry.contactId)
  return {
    contact_id: entry.contactId,
    contact_name: contact?.name ?? null,
    channel: last?.channel ?? contact?.type ?? null,
    last_message: last?.content ?? null,
    last_message_at: iso(entry.lastMessageAt),
    unread_count: unread,
  }
}

export function mediaJson(world: World, m: MediaRec) {
  return {
    id: m.id,
    name: m.name,
    original_name: m.originalName,
    url: world.origin + m.urlPath,
    file_type: m.fileType,
    mime_type: m.mimeType,
    extension: m.extension,
    file_size: m.fileSize,
    formatted_size: formatSizeFor(m.fileSize),
    metadata: m.metadata,
    uploaded_by: m.uploadedBy,
    is_active: m.isActive,
    created_at: iso(m.createdAt),
    updated_at: iso(m.updatedAt),
  }
}

/** The documented Campaign object plus the request fields echoed back (message and audience ids). */
export function campaignJson(store: AccountStore, c: CampaignRec, now: number) {
  const counts = campaignCounts(c, now)
  const channel = store.channels.find((ch) => ch.id === c.channelId)
  return {
    id: c.id,
    name: c.name,
    status: c.status,
    message: c.message,
    contact_ids: c.audience.contactIds,
    list_ids: c.audience.listIds,
    segment_ids: c.audience.segmentIds,
    total_contacts: counts.total,
    success_count: counts.sent,
    failed_count: counts.failed,
    campaign_day: counts.campaignDay,
    messages_sent_today: counts.sentToday,
    is_new_number: c.isNewNumber,
    started_at: isoOrNull(c.startedAt),
    completed_at: isoOrNull(c.completedAt),
    progress_percentage: counts.progress,
    daily_limit: c.dailyLimit,
    remaining_today: Math.max(0, c.dailyLimit - counts.sentToday),
    client_setting: channel ? { id: channel.id, name: channel.name, type: channel.type } : null,
    campaign_contacts_count: counts.total,
    sent_contacts_count: counts.sent,
    failed_contacts_count: counts.failed,
    pending_contacts_count: counts.pending,
    created_at: iso(c.createdAt),
    updated_at: iso(c.updatedAt),
  }
}

/** A delivery row of GET /campaigns/{id}/contacts; the contact's name is `name`, as the docs call it. */
export function campaignContactJson(r: CampaignContactRec) {
  return {
    id: r.id,
    contact_id: r.contactId,
    name: r.contactName,
    phone: r.phone,
    status: r.status,
    sent_at: isoOrNull(r.sentAt),
    error: r.error,
  }
}
