// The contract between the renderer and the core: every method's name, input and output,
// and every event. Main validates each input against it at the boundary; the preload and
// the renderer client are generic over it, so a new method is added in its domain file
// here and merged below, and nowhere else.
import type { z } from 'zod'
import { accountAreaMethods } from './account-area'
import { accountMethods } from './accounts'
import { aiAgentMethods } from './ai-agents'
import { appMethods } from './app'
import { campaignMethods } from './campaigns'
import { contactMethods } from './contacts'
import type { MethodSpec } from './define'
import { events } from './events'
import { inboxMethods } from './inbox'
import { knowledgeBaseMethods } from './knowledge-base'
import { mediaMethods } from './media'
import { outboxMethods } from './outbox'
import { syncMethods } from './sync'
import { ticketMethods } from './tickets'
import { bookingMethods } from './bookings'
import { webChatMethods } from './web-chat'
import { voiceMethods } from './voice'

export { events }
export { resourceName, resourceNames, type ResourceName } from './resources'
export type { AccountList, AccountSummary } from './accounts'
export type { Settings } from './app'
export type { SyncStatusView } from './sync'
export type { ChannelItem, ContactHit, ConversationCursor, ConversationItem, MessageHit, MessageItem, SearchFilters, SnippetPart, ThreadCursor } from './inbox'
export type { ContactDetail, ContactFilter, ContactItem, CsvFile, GroupItem, GroupKind, Groups } from './contacts'
export { groupKinds } from './contacts'
export type { MediaCursor, MediaItem } from './media'
export type { CampaignDetail, CampaignItem, CampaignProgress, DeliveryItem } from './campaigns'
export type { OutboxAction, OutboxCounts } from './outbox'
export type { AccountChannel, AccountOverview, PlanLimit, TeamMemberItem, WebhookDeliveryItem, WebhookEventItem, WebhookItem } from './account-area'
export type { BookingItem, BookingOptions } from './bookings'
export type { WebChatAnalyticsView, WebChatMessageItem, WebChatSessionItem } from './web-chat'
export type { DepartmentItem, TicketDetail, TicketItem, TicketReplyItem } from './tickets'
export type { AiAgentDetail, AiAgentInput, AiAgentItem } from './ai-agents'
export type { KbDetail, KbItem, KbProduct, KbUploadResult } from './knowledge-base'
export type { VoiceView } from './voice'

export const methods = {
  ...appMethods,
  ...accountMethods,
  ...syncMethods,
  ...inboxMethods,
  ...contactMethods,
  ...mediaMethods,
  ...campaignMethods,
  ...ticketMethods,
  ...bookingMethods,
  ...webChatMethods,
  ...outboxMethods,
  ...accountAreaMethods,
  ...aiAgentMethods,
  ...knowledgeBaseMethods,
  ...voiceMethods,
} as const satisfies Record<string, MethodSpec>

export type MethodName = keyof typeof methods
export type MethodInput<M extends MethodName> = z.input<(typeof methods)[M]['input']>
export type MethodOutput<M extends MethodName> = z.output<(typeof methods)[M]['output']>
export type EventName = keyof typeof events
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>

/** What the core does for each method; main and the browser test host both serve these. */
export type Handlers = {
  [M in MethodName]: (input: z.output<(typeof methods)[M]['input']>) => Promise<MethodOutput<M>>
}

/** Errors cross the boundary as values, never as thrown objects with stacks. */
export const errorTypes = [
  'invalid-input',
  'unknown-method',
  'unauthorized',
  'forbidden',
  'not-found',
  'validation',
  'rate-limited',
  'server',
  'network',
  'bad-response',
  'cancelled',
  /** No usable OS keychain: the user may keep the key for this session only. */
  'keychain-unavailable',
  /** The disk (or the user's quota) is full: nothing was saved; freeing space fixes it. */
  'disk-full',
  /** An account's local files cannot be used (damaged, read-only, in use): the message says which and what to do. */
  'local-data',
  'internal',
] as const
export type ErrorType = (typeof errorTypes)[number]

export interface BridgeError {
  type: ErrorType
  message: string
  fields?: Record<string, string[]>
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: BridgeError }

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methods, name)
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name)
}
