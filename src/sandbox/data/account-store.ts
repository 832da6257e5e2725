// One account's state plus the indexes that keep list endpoints fast at bench size:
// contacts in id order, conversations sorted by last message, media newest first,
// two-way membership sets for tags, lists and segments.
import type {
  AccountProfile, CampaignRec, ChannelRec, ChannelType, ContactRec, DepartmentRec, GroupRec, MediaRec, MessageRec, PlanLimits, TagRec,
  TicketRec, BookingRec, BookingResourceRec, BookingTypeRec, WebChatSessionRec,
} from './model'
import type { ChannelAttempt, TeamMemberRec, WebhookRec } from './admin-model'
import { AiAgentState } from './ai-agents'
import type { KbEntryRec } from './knowledge-base'
import { VoiceState } from './voice'
import { insertSorted, removeSorted } from './sorted'

export interface ConversationEntry {
  contactId: number
  lastMessageAt: number
}

export type GroupKind = 'list' | 'segment'

const byConversationRecency = (a: ConversationEntry, b: ConversationEntry) =>
  b.lastMessageAt - a.lastMessageAt || b.contactId - a.contactId
const byMediaNewest = (a: MediaRec, b: MediaRec) => b.createdAt - a.createdAt || b.id - a.id

export class AccountStore {
  readonly contacts = new Map<number, ContactRec>()
  /** Contact ids in ascending order (ids are handed out increasingly). */
  readonly contactIds: number[] = []
  readonly tags = new Map<number, TagRec>()
  readonly lists = new Map<number, GroupRec>()
  readonly segments = new Map<number, GroupRec>()
  readonly channels: ChannelRec[] = []
  /** Each contact's messages, oldest first. */
  readonly messages = new Map<number, MessageRec[]>()
  readonly conversations: ConversationEntry[] = []
  private readonly conversationByContact = new Map<number, ConversationEntry>()
  /** Outbound messages still moving towards "read". */
  readonly inflight = new Set<MessageRec>()
  readonly media = new Map<number, MediaRec>()
  readonly mediaNewestFirst: MediaRec[] = []
  readonly mediaByUrlPath = new Map<string, MediaRec>()
  readonly campaigns = new Map<number, CampaignRec>()
  readonly team = new Map<number, TeamMemberRec>()
  readonly webhooks = new Map<number, WebhookRec>()
  /** Pending channel connections by the account_id handed to the caller. */
  readonly channelAttempts = new Map<string, ChannelAttempt>()
  /** Support departments, in the order support lists them (the first is the default). */
  readonly departments: DepartmentRec[] = []
  readonly tickets = new Map<number, TicketRec>()
  readonly bookingTypes: BookingTypeRec[] = []
  readonly bookingResources: BookingResourceRec[] = []
  readonly bookings = new Map<number, BookingRec>()
  readonly webChatSessions = new Map<string, WebChatSessionRec>()
  /** AI agent personas and each contact's assigned agent. */
  readonly ai = new AiAgentState()
  /** Knowledge-base entries by id. */
  readonly knowledgeBase = new Map<number, KbEntryRec>()
  /** Voice settings, the cloned voice and generated speech. */
  readonly voice = new VoiceState()

  constructor(
    readonly profile: AccountProfile,
    readonly apiKeys: string[],
    readonly limits: PlanLimits,
  ) {}

  get id(): number {
    return this.profile.id
  }

  channel(type: ChannelType): ChannelRec | undefined {
    return this.channels.find((c) => c.type === type)
  }

  // --- contacts -------------------------------------------------------------

  addContact(contact: ContactRec): void {
    this.contacts.set(contact.id, contact)
    insertSorted(this.contactIds, contact.id, (a, b) => a - b)
  }

  removeContact(contact: ContactRec): void {
    for (const tagId of contact.tagIds) this.tags.get(tagId)?.contactIds.delete(contact.id)
    for (const listId of contact.listIds) this.lists.get(listId)?.memberIds.delete(contact.id)
    for (const segmentId of contact.segmentIds) this.segments.get(segmentId)?.memberIds.delete(contact.id)
    for (const message of this.messages.get(contact.id) ?? []) this.inflight.delete(message)
    this.messages.delete(contact.id)
    const entry = this.conversationByContact.get(contact.id)
    if (entry) removeSorted(this.conversations, entry, byConversationRecency)
    this.conversationByContact.delete(contact.id)
    removeSorted(this.contactIds, contact.id, (a, b) => a - b)
    this.contacts.delete(contact.id)
  }

  // --- tags and groups: both sides of the membership stay in step --------------

  attachTag(contact: ContactRec, tag: TagRec): void {
    contact.tagIds.add(tag.id)
    tag.contactIds.add(contact.id)
  }

  detachTag(contact: ContactRec, tag: TagRec): void {
    contact.tagIds.delete(tag.id)
    tag.contactIds.delete(contact.id)
  }

  removeTag(tag: TagRec): void {
    for (const contactId of tag.contactIds) this.contacts.get(contactId)?.tagIds.delete(tag.id)
    this.tags.delete(tag.id)
  }

  groups(kind: GroupKind): Map<number, GroupRec> {
    return kind === 'list' ? this.lists : this.segments
  }

  private memberships(contact: ContactRec, kind: GroupKind): Set<number> {
    return kind === 'list' ? contact.listIds : contact.segmentIds
  }

  addToGroup(kind: GroupKind, contact: ContactRec, group: GroupRec): void {
    this.memberships(contact, kind).add(group.id)
    group.memberIds.add(contact.id)
  }

  removeFromGroup(kind: GroupKind, contact: ContactRec, group: GroupRec): void {
    this.memberships(contact, kind).delete(group.id)
    group.memberIds.delete(contact.id)
  }

  removeGroup(kind: GroupKind, group: GroupRec): void {
    for (const contactId of group.memberIds) {
      const contact = this.contacts.get(contactId)
      if (contact) this.memberships(contact, kind).delete(group.id)
    }
    this.groups(kind).delete(group.id)
  }

  // --- messages and conversations ---------------------------------------------

  /** Appends to the contact's history and moves the conversation to its sorted place. */
  appendMessage(message: MessageRec): void {
    let history = this.messages.get(message.contactId)
    if (!history) {
      history = []
      this.messages.set(message.contactId, history)
    }
    history.push(message)
    if (message.direction === 'outbound' && (message.status === 'sent' || message.status === 'delivered')) {
      this.inflight.add(message)
    }
    const contact = this.contacts.get(message.contactId)
    if (contact) contact.lastMessageAt = message.createdAt
    let entry = this.conversationByContact.get(message.contactId)
    if (entry) removeSorted(this.conversations, entry, byConversationRecency)
    else {
      entry = { contactId: message.contactId, lastMessageAt: message.createdAt }
      this.conversationByContact.set(message.contactId, entry)
    }
    entry.lastMessageAt = message.createdAt
    insertSorted(this.conversations, entry, byConversationRecency)
  }

  /** Bulk load for the generator: sets whole histories, then sorts the conversation index once. */
  loadHistories(histories: Map<number, MessageRec[]>): void {
    for (const [contactId, history] of histories) {
      const last = history[history.length - 1]
      if (!last) continue
      this.messages.set(contactId, history)
      for (const m of history) {
        if (m.direction === 'outbound' && (m.status === 'sent' || m.status === 'delivered')) this.inflight.add(m)
      }
      const entry = { contactId, lastMessageAt: last.createdAt }
      this.conversationByContact.set(contactId, entry)
      this.conversations.push(entry)
      const contact = this.contacts.get(contactId)
      if (contact) contact.lastMessageAt = last.createdAt
    }
    this.conversations.sort(byConversationRecency)
  }

  // --- media ---------------------------------------------------------------

  addMedia(media: MediaRec): void {
    this.media.set(media.id, media)
    this.mediaByUrlPath.set(media.urlPath, media)
    insertSorted(this.mediaNewestFirst, media, byMediaNewest)
  }

  removeMedia(media: MediaRec): void {
    removeSorted(this.mediaNewestFirst, media, byMediaNewest)
    this.media.delete(media.id)
    this.mediaByUrlPath.delete(media.urlPath)
  }
}
