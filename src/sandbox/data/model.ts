// In-memory records of one account. Times are epoch milliseconds; the API shapes
// are produced by serialize.ts, so these can carry indexes the API never shows.

export const CHANNEL_TYPES = ['whatsapp', 'telegram', 'instagram'] as const
export type ChannelType = (typeof CHANNEL_TYPES)[number]

export type MessageStatus = 'pending' | 'sent' | 'delivered' | 'read' | 'failed'
export type Direction = 'inbound' | 'outbound'

export interface AccountProfile {
  id: number
  companyName: string
  slug: string
  email: string
  address: string | null
  timezone: string
  locale: 'en' | 'ar'
  countryId: number
  primaryUser: { id: number; firstName: string; lastName: string; email: string; phone: string | null }
  createdAt: number
}

export interface ChannelRec {
  id: number
  type: ChannelType
  /** Display name used as the campaign's `client_setting.name`. */
  name: string
  username: string | null
  connected: boolean
  lastSyncedAt: number | null
  /** The live status word (docs' sync_status); absent: OK when connected, STOPPED when not. */
  syncStatus?: string
}

export interface NoteRec {
  id: number
  contactId: number
  note: string
  createdAt: number
}

export interface ContactRec {
  id: number
  name: string
  email: string | null
  phone: string | null
  type: ChannelType
  status: 'active' | 'inactive'
  blacklisted: boolean
  tagIds: Set<number>
  listIds: Set<number>
  segmentIds: Set<number>
  notes: NoteRec[]
  lastMessageAt: number | null
  createdAt: number
  updatedAt: number
}

export interface TagRec {
  id: number
  title: string
  contactIds: Set<number>
  createdAt: number
  updatedAt: number
}

/** A contact list or a segment: the docs say segments follow the same pattern as lists. */
export interface GroupRec {
  id: number
  name: string
  status: 0 | 1
  memberIds: Set<number>
  createdAt: number
  updatedAt: number
}

export interface MessageRec {
  id: number
  contactId: number
  direction: Direction
  channel: ChannelType
  content: string
  status: MessageStatus
  sentAt: number | null
  createdAt: number
  error: string | null
}

export type MediaSource =
  | { kind: 'memory'; bytes: Buffer }
  | { kind: 'disk'; path: string }

export interface MediaRec {
  id: number
  name: string
  originalName: string
  /** Path part of the public URL, e.g. /storage/media/1/images/1741430012_abc123.png */
  urlPath: string
  fileType: 'image' | 'video'
  mimeType: string
  extension: string
  fileSize: number
  metadata: { width: number; height: number } | null
  uploadedBy: 'client' | 'admin'
  isActive: boolean
  source: MediaSource
  createdAt: number
  updatedAt: number
}

export type CampaignStatus = 'draft' | 'running' | 'paused' | 'completed' | 'cancelled'
export type DeliveryStatus = 'pending' | 'sent' | 'failed'

export interface CampaignContactRec {
  id: number
  contactId: number
  contactName: string
  phone: string | null
  status: DeliveryStatus
  sentAt: number | null
  error: string | null
}

export interface CampaignAudience {
  contactIds: number[]
  listIds: number[]
  segmentIds: number[]
}

export interface CampaignRec {
  id: number
  name: string
  status: CampaignStatus
  channelId: number
  message: string
  audience: CampaignAudience
  isNewNumber: boolean
  dailyLimit: number
  recipients: CampaignContactRec[]
  startedAt: number | null
  completedAt: number | null
  createdAt: number
  updatedAt: number
}

export interface PlanLimits {
  contacts: number
  teamMembers: number
  teamMembersUsed: number
  messagesPerMonth: number
  /** null = unlimited */
  mediaFiles: number | null
  campaigns: number
}

export const TICKET_STATUSES = ['open', 'answered', 'closed'] as const
export type TicketStatus = (typeof TICKET_STATUSES)[number]
export const TICKET_PRIORITIES = ['low', 'medium', 'high'] as const
export type TicketPriority = (typeof TICKET_PRIORITIES)[number]

export interface DepartmentRec {
  id: number
  title: string
}

/** One message of a ticket's thread: the account's own (the first is the ticket's body) or support's. */
export interface TicketReplyRec {
  id: number
  message: string
  /** Written by SkyLight's support staff. */
  isAdmin: boolean
  authorName: string
  createdAt: number
}

export interface TicketRec {
  id: number
  /** The human-readable reference code, e.g. ABX9Y2KL. */
  reference: string
  subject: string
  priority: TicketPriority
  status: TicketStatus
  departmentId: number | null
  replies: TicketReplyRec[]
  createdAt: number
  updatedAt: number
}

export const BOOKING_STATUSES = ['pending', 'confirmed', 'cancelled', 'completed'] as const
export type BookingStatus = (typeof BOOKING_STATUSES)[number]

export interface BookingTypeRec {
  id: number
  name: string
  durationMinutes: number
}

/** Who or what a booking takes: a member of staff, a room. */
export interface BookingResourceRec {
  id: number
  name: string
  type: 'staff' | 'room'
}

export interface BookingRec {
  id: number
  contactId: number
  typeId: number
  resourceId: number | null
  title: string
  startsAt: number
  endsAt: number
  status: BookingStatus
  notes: string | null
  createdAt: number
  updatedAt: number
}

export type WebChatHandler = 'ai' | 'human' | 'pending'
export type WebChatSender = 'visitor' | 'bot' | 'agent'

export interface WebChatMessageRec {
  id: number
  sender: WebChatSender
  message: string
  createdAt: number
}

/** A visitor's conversation with the website's chat widget. */
export interface WebChatSessionRec {
  sessionId: string
  status: 'active' | 'ended'
  handledBy: WebChatHandler
  visitorName: string | null
  visitorEmail: string | null
  visitorPhone: string | null
  visitorIp: string | null
  pageUrl: string | null
  referrer: string | null
  humanRequestedAt: number | null
  humanTookOverAt: number | null
  messages: WebChatMessageRec[]
  lastActivityAt: number
  createdAt: number
}
