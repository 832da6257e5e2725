// The Account area: profile and plan, channels (QR and Instagram 2FA), team and webhooks.
// Edits of the profile, the team and webhooks are queued (they answer an outbox action id);
// channel connections, webhook tests, the delivery log and secret rotation are live calls.
import { z } from 'zod'
import { method } from './define'

const id = z.number().int()
const text = (max: number) => z.string().max(max)
const queued = z.object({ actionId: z.string() })
const queuedCreate = z.object({ actionId: z.string(), localId: z.number() })

export const channelTypes = ['whatsapp', 'telegram', 'instagram'] as const
export const qrChannelTypes = ['whatsapp', 'telegram'] as const

export const planLimit = z.object({ key: z.string(), used: z.number().nullable(), max: z.number().nullable() })
export type PlanLimit = z.output<typeof planLimit>

export const accountChannel = z.object({
  type: z.string(),
  username: z.string().nullable(),
  isConnected: z.boolean(),
  syncStatus: z.string().nullable(),
  lastSyncedAt: z.string().nullable(),
})
export type AccountChannel = z.output<typeof accountChannel>

export const accountOverview = z.object({
  profile: z
    .object({
      id: z.number(),
      companyName: z.string(),
      email: z.string().nullable(),
      address: z.string().nullable(),
      timezone: z.string().nullable(),
      country: z.object({ id: z.number(), name: z.string().nullable(), code: z.string().nullable() }).nullable(),
      pending: z.boolean(),
    })
    .nullable(),
  plan: z
    .object({
      name: z.string().nullable(),
      status: z.string().nullable(),
      expiresAt: z.string().nullable(),
      limits: z.array(planLimit),
    })
    .nullable(),
  channels: z.array(accountChannel),
})
export type AccountOverview = z.output<typeof accountOverview>

export const teamMemberItem = z.object({
  id: z.number(),
  name: z.string(),
  email: z.string().nullable(),
  role: z.string(),
  status: z.string().nullable(),
  createdAt: z.string().nullable(),
  pending: z.boolean(),
})
export type TeamMemberItem = z.output<typeof teamMemberItem>

export const webhookItem = z.object({
  id: z.number(),
  name: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  isActive: z.boolean(),
  deliveryLogsCount: z.number().nullable(),
  createdAt: z.string().nullable(),
  pending: z.boolean(),
  /** The server handed a secret for it that the user has not seen yet (a queued create). */
  secretWaiting: z.boolean(),
})
export type WebhookItem = z.output<typeof webhookItem>

export const webhookDeliveryItem = z.object({
  id: z.number().nullable(),
  event: z.string().nullable(),
  status: z.number().nullable(),
  durationMs: z.number().nullable(),
  success: z.boolean(),
  createdAt: z.string().nullable(),
  /** The payload as JSON text, shown on demand. */
  payload: z.string().nullable(),
})
export type WebhookDeliveryItem = z.output<typeof webhookDeliveryItem>

export const webhookEventItem = z.object({ name: z.string(), group: z.string(), description: z.string().nullable() })
export type WebhookEventItem = z.output<typeof webhookEventItem>

const profileChanges = z
  .object({ company_name: text(255).optional(), address: text(500).optional(), timezone: text(64).optional(), country_id: id.optional() })
  .strict()
const teamChanges = z
  .object({ name: text(255).optional(), email: text(255).optional(), role: text(16).optional(), status: text(16).optional() })
  .strict()
const webhookChanges = z
  .object({ name: text(255).optional(), url: text(2048).optional(), events: z.array(text(100)).max(100).optional(), is_active: z.boolean().optional() })
  .strict()

export const instagramStart = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('code-needed'), accountId: z.string() }),
  z.object({ kind: z.literal('connected'), channel: accountChannel }),
])

export const accountAreaMethods = {
  'account-overview': method(z.object({}).strict(), accountOverview),
  'account-update': method(z.object({ changes: profileChanges }).strict(), queued),

  /** Asks for a QR code to scan; the channel then is polled with channel-status. */
  'channel-connect-qr': method(z.object({ type: z.enum(qrChannelTypes) }).strict(), z.object({ accountId: z.string(), qrCode: z.string() })),
  'channel-status': method(z.object({ type: z.enum(channelTypes), accountId: text(128).optional() }).strict(), accountChannel),
  'channel-refresh': method(z.object({ type: z.enum(channelTypes) }).strict(), accountChannel),
  'channel-disconnect': method(z.object({ type: z.enum(channelTypes) }).strict(), accountChannel),
  /** The password is sent once and forgotten: never stored, logged or queued. */
  'channel-instagram-connect': method(z.object({ username: text(255), password: text(255) }).strict(), instagramStart),
  'channel-instagram-code': method(z.object({ accountId: text(128), code: text(16) }).strict(), accountChannel),
  'channel-instagram-resend': method(z.object({ accountId: text(128) }).strict(), z.object({})),

  'team-list': method(z.object({ role: text(16).optional() }).strict(), z.object({ items: z.array(teamMemberItem) })),
  /** The password waits in memory only until the member is created. */
  'team-create': method(z.object({ name: text(255), email: text(255), role: text(16), password: text(255) }).strict(), queuedCreate),
  'team-update': method(z.object({ id, changes: teamChanges }).strict(), queued),
  'team-delete': method(z.object({ id }).strict(), queued),

  'webhooks-list': method(z.object({}).strict(), z.object({ items: z.array(webhookItem) })),
  'webhook-events': method(z.object({}).strict(), z.object({ events: z.array(webhookEventItem) })),
  'webhook-create': method(z.object({ name: text(255), url: text(2048), events: z.array(text(100)).max(100), isActive: z.boolean().optional() }).strict(), queuedCreate),
  'webhook-update': method(z.object({ id, changes: webhookChanges }).strict(), queued),
  'webhook-toggle': method(z.object({ id, active: z.boolean() }).strict(), queued),
  'webhook-delete': method(z.object({ id }).strict(), queued),
  'webhook-test': method(z.object({ id }).strict(), webhookDeliveryItem.nullable()),
  'webhook-deliveries': method(
    z.object({ id, page: z.number().int().min(1).max(10_000).optional() }).strict(),
    z.object({ items: z.array(webhookDeliveryItem), page: z.number(), lastPage: z.number(), total: z.number() }),
  ),
  /** Rotates the signing secret; the new one is answered once, for the user to copy. */
  'webhook-rotate-secret': method(z.object({ id }).strict(), z.object({ secret: z.string() })),
  /** The secret the server gave a webhook created from the queue, once; null when there is none. */
  'webhook-secret-reveal': method(z.object({ id }).strict(), z.object({ secret: z.string().nullable() })),
}
