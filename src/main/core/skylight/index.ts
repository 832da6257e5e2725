// The SkyLight API client: one typed method per endpoint the app uses, grouped by resource.
import { SkyLightClient, type SkyLightClientOptions } from './client'
import { accountApi } from './resources/account'
import { bookingsApi } from './resources/bookings'
import { aiAgentsApi } from './resources/ai-agents'
import { campaignsApi } from './resources/campaigns'
import { channelsApi } from './resources/channels'
import { contactsApi } from './resources/contacts'
import { listsApi, segmentsApi } from './resources/groups'
import { knowledgeBaseApi } from './resources/knowledge-base'
import { mediaApi } from './resources/media'
import { messagesApi } from './resources/messages'
import { tagsApi } from './resources/tags'
import { teamApi } from './resources/team'
import { webhooksApi } from './resources/webhooks'
import { ticketsApi } from './resources/tickets'
import { webChatApi } from './resources/web-chat'
import { voiceApi } from './resources/voice'

export function createSkyLightApi(options: SkyLightClientOptions) {
  const client = new SkyLightClient(options)
  return {
    client,
    account: accountApi(client),
    contacts: contactsApi(client),
    tags: tagsApi(client),
    lists: listsApi(client),
    segments: segmentsApi(client),
    messages: messagesApi(client),
    media: mediaApi(client),
    campaigns: campaignsApi(client),
    channels: channelsApi(client),
    team: teamApi(client),
    webhooks: webhooksApi(client),
    tickets: ticketsApi(client),
    bookings: bookingsApi(client),
    webChat: webChatApi(client),
    aiAgents: aiAgentsApi(client),
    knowledgeBase: knowledgeBaseApi(client),
    voice: voiceApi(client),
  }
}

export type SkyLightApi = ReturnType<typeof createSkyLightApi>

export { RateBudget, type Budget, type Priority, type Slot } from './rate-budget'
export type { CallOptions } from './client'
export * from './errors'
export type { Page } from './schema'
