// Records of an account's administration: team members, webhooks with their delivery log,
// and channel connection attempts (a QR code waiting to be scanned, an Instagram login
// waiting for its 2FA code). Passwords typed into these endpoints are checked and dropped:
// the sandbox keeps none.

export type TeamRole = 'admin' | 'agent'
export const TEAM_ROLES = ['admin', 'agent'] as const

export interface TeamMemberRec {
  id: number
  name: string
  email: string
  role: TeamRole
  status: 'active' | 'inactive'
  createdAt: number
  updatedAt: number
}

export interface DeliveryRec {
  id: number
  event: string
  responseStatus: number
  durationMs: number
  success: boolean
  payload: Record<string, unknown>
  createdAt: number
}

export interface WebhookRec {
  id: number
  name: string
  url: string
  events: string[]
  isActive: boolean
  /** Shown once, on create and on regenerate. */
  secret: string
  /** Newest last. */
  deliveries: DeliveryRec[]
  createdAt: number
  updatedAt: number
}

/** A pending connection: a QR code (WhatsApp, Telegram) or an Instagram login awaiting 2FA. */
export interface ChannelAttempt {
  accountId: string
  type: 'whatsapp' | 'telegram' | 'instagram'
  startedAt: number
  /** QR codes: the sandbox's phone "scans" it at this time (sandbox clock). */
  scanAt: number | null
  /** QR codes: unscanned after this, the attempt fails (CREATION_FAIL). */
  expiresAt: number
  /** Instagram: the username to show once connected. */
  username: string | null
  done: boolean
}

/** How long the sandbox's phone takes to scan a QR code, and how long a code lives. */
export const QR_SCAN_MS = 4_000
export const QR_VALID_MS = 60_000

/** 30 events across 9 resource types (changelog v1.5.0), grouped as GET /webhooks/events lists them. */
export const WEBHOOK_EVENTS: Readonly<Record<string, readonly string[]>> = {
  contact: ['contact.created', 'contact.updated', 'contact.deleted'],
  message: ['message.received', 'message.sent', 'message.failed'],
  booking: ['booking.created', 'booking.updated', 'booking.cancelled', 'booking.reminder'],
  channel: ['channel.connected', 'channel.disconnected', 'channel.error'],
  campaign: ['campaign.started', 'campaign.paused', 'campaign.resumed', 'campaign.completed', 'campaign.cancelled'],
  ticket: ['ticket.created', 'ticket.replied', 'ticket.status_changed', 'ticket.closed'],
  knowledge_base: ['knowledge_base.entry_created', 'knowledge_base.entry_updated', 'knowledge_base.entry_deleted'],
  ai_agent: ['ai_agent.assigned', 'ai_agent.handover', 'ai_agent.replied'],
  web_chat: ['web_chat.session_started', 'web_chat.session_ended'],
}
export const ALL_WEBHOOK_EVENTS: ReadonlySet<string> = new Set(Object.values(WEBHOOK_EVENTS).flat())
