// An account's whole state in the API's own field shapes, for tests that compare a synced copy.
import type { AccountStore } from './account-store'
import { aiAgentJson } from './ai-agents'
import { byNewest, kbDetailJson } from './knowledge-base'
import { voiceJson } from './voice'
import type { ContactRec } from './model'
import {
  accountJson, campaignContactJson, campaignJson, channelJson, contactJson, conversationJson, groupJson, mediaJson,
  messageJson, noteJson, subscriptionJson, tagJson,
} from './serialize'
import { teamMemberJson, webhookJson } from './admin-serialize'
import { departmentJson, ticketDetailJson } from './tickets'
import { bookingJson, bookingResourceJson, bookingTypeJson } from './bookings'
import { webChatDetailJson } from './web-chat'
import type { World } from './world'

export function dumpAccount(world: World, store: AccountStore) {
  const now = world.now()
  const contacts = store.contactIds.map((id) => store.contacts.get(id)).filter((c): c is ContactRec => c !== undefined)
  const byId = <T extends { id: number }>(items: Iterable<T>) => [...items].sort((a, b) => a.id - b.id)
  const messages: Record<string, ReturnType<typeof messageJson>[]> = {}
  for (const c of contacts) {
    const history = store.messages.get(c.id)
    if (history) messages[c.id] = history.map(messageJson)
  }
  return {
    account: accountJson(store),
    team: byId(store.team.values()).map(teamMemberJson),
    webhooks: byId(store.webhooks.values()).map(webhookJson),
    subscription: subscriptionJson(store, now),
    channels: store.channels.map(channelJson),
    /** Contact objects (id order) with their notes, newest first as GET /contacts/{id}/notes gives them. */
    contacts: contacts.map((c) => ({
      ...contactJson(store, c),
      notes: [...c.notes].sort((a, b) => b.createdAt - a.createdAt || b.id - a.id).map(noteJson),
    })),
    tags: byId(store.tags.values()).map(tagJson),
    lists: byId(store.lists.values()).map((g) => ({ ...groupJson(g), member_ids: [...g.memberIds].sort((a, b) => a - b) })),
    segments: byId(store.segments.values()).map((g) => ({ ...groupJson(g), member_ids: [...g.memberIds].sort((a, b) => a - b) })),
    /** In GET /conversations order. */
    conversations: store.conversations.map((e) => conversationJson(store, e)),
    /** Per contact id, oldest first. */
    messages,
    /** Newest first, as GET /media lists them. */
    media: store.mediaNewestFirst.map((m) => mediaJson(world, m)),
    /** Id order, each with its per-contact delivery. */
    campaigns: byId(store.campaigns.values()).map((c) => ({
      ...campaignJson(store, c, now),
      contacts: c.recipients.map(campaignContactJson),
    })),
    departments: store.departments.map(departmentJson),
    /** Id order, each with its replies (oldest first). */
    tickets: byId(store.tickets.values()).map((t) => ticketDetailJson(store, t)),
    booking_types: store.bookingTypes.map(bookingTypeJson),
    booking_resources: store.bookingResources.map(bookingResourceJson),
    /** Id order. */
    bookings: byId(store.bookings.values()).map(bookingJson),
    /** By session id, each with its messages. */
    web_chat_sessions: [...store.webChatSessions.values()].sort((a, b) => (a.sessionId < b.sessionId ? -1 : 1)).map(webChatDetailJson),
    /** Id order. */
    ai_agents: byId(store.ai.agents.values()).map(aiAgentJson),
    /** Contact id → assigned agent id, for contacts that still exist. */
    /** Newest first, as GET /knowledge-base lists them, each with its content and products. */
    knowledge_base: [...store.knowledgeBase.values()].sort(byNewest).map((e) => kbDetailJson(e, now)),
    voice: voiceJson(store.voice),
    ai_agent_assignments: Object.fromEntries([...store.ai.assignment].filter(([contactId]) => store.contacts.has(contactId))),
  }
}

export type AccountDump = ReturnType<typeof dumpAccount>
