// Which views re-read when the core says a resource changed. Typed over the contract's
// resource names: a resource added to the core does not compile here until it is routed.
import type { ResourceName } from '../../../../shared/contract'

export type ViewPart =
  | 'conversations'
  | 'thread'
  | 'search'
  | 'contacts'
  | 'contact'
  | 'groups'
  | 'media'
  | 'campaigns'
  | 'campaign'
  | 'channels'
  | 'account'
  | 'team'
  | 'webhooks'
  | 'tickets'
  | 'ticket'
  | 'bookings'
  | 'webChat'
  | 'ai-agents'
  | 'knowledge-base'
  | 'voice'

const routes: Record<ResourceName, readonly ViewPart[]> = {
  account: ['channels', 'account'],
  // A conversation's row (its preview, its unread count) — not its messages: reading a
  // conversation changes only this, and must not read the open thread again.
  conversations: ['conversations'],
  messages: ['conversations', 'thread', 'search'],
  // The inbox shows contacts' names; search finds contacts.
  contacts: ['conversations', 'contacts', 'contact', 'search'],
  groups: ['contacts', 'contact', 'groups'],
  media: ['media'],
  campaigns: ['campaigns', 'campaign'],
  team: ['team'],
  webhooks: ['webhooks'],
  tickets: ['tickets', 'ticket'],
  bookings: ['bookings'],
  webChat: ['webChat'],
  // Contacts show the agent each was assigned.
  'ai-agents': ['ai-agents', 'contacts'],
  'knowledge-base': ['knowledge-base'],
  voice: ['voice'],
}

export function viewsToRefresh(resources: readonly ResourceName[]): Set<ViewPart> {
  return new Set(resources.flatMap((name) => routes[name]))
}
