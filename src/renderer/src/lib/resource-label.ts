// A synced resource's name as the first-sync progress shows it, in the current language.
import type { ResourceName } from '../../../shared/contract'
import { m } from './i18n.svelte'

const labels: Record<ResourceName, () => string> = {
  account: m.resource_account,
  conversations: m.resource_conversations,
  messages: m.resource_messages,
  contacts: m.resource_contacts,
  groups: m.resource_groups,
  media: m.resource_media,
  campaigns: m.resource_campaigns,
  team: m.resource_team,
  webhooks: m.resource_webhooks,
  tickets: m.resource_tickets,
  bookings: m.resource_bookings,
  webChat: m.resource_web_chat,
  'ai-agents': m.resource_ai_agents,
  'knowledge-base': m.resource_knowledge_base,
  voice: m.resource_voice,
}

export function resourceLabel(name: string): string {
  return labels[name as ResourceName]?.() ?? name
}
