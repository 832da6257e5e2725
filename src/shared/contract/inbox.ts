// What the inbox reads: conversations, a thread, search across messages and contacts, and
// the account's channels (for the channel filter and the campaign editor).
import { z } from 'zod'
import { entityId, method } from './define'

const id = entityId
const limit = z.number().int().min(1).max(500).optional()

export const conversationItem = z.object({
  contactId: z.number(),
  name: z.string(),
  channel: z.string().nullable(),
  lastMessage: z.string().nullable(),
  lastMessageAt: z.string().nullable(),
  unreadCount: z.number(),
  pending: z.boolean(),
})
export type ConversationItem = z.output<typeof conversationItem>
const conversationCursor = z.object({ at: z.number().int(), contactId: id }).strict()
export type ConversationCursor = z.output<typeof conversationCursor>

export const messageItem = z.object({
  rowId: z.number(),
  serverId: z.number().nullable(),
  localId: z.string().nullable(),
  contactId: z.number(),
  direction: z.string().nullable(),
  channel: z.string().nullable(),
  content: z.string().nullable(),
  status: z.string().nullable(),
  error: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string().nullable(),
  pending: z.boolean(),
})
export type MessageItem = z.output<typeof messageItem>
const threadCursor = z.object({ at: z.number().int(), rowId: id }).strict()
export type ThreadCursor = z.output<typeof threadCursor>

export const snippetPart = z.object({ text: z.string(), match: z.boolean() })
export type SnippetPart = z.output<typeof snippetPart>

export const messageHit = z.object({
  rowId: z.number(),
  serverId: z.number().nullable(),
  contactId: z.number(),
  contactName: z.string(),
  channel: z.string().nullable(),
  direction: z.string().nullable(),
  sentAt: z.string().nullable(),
  /** Plain text parts; `match` marks what to highlight. Never HTML. */
  snippet: z.array(snippetPart),
})
export type MessageHit = z.output<typeof messageHit>

export const contactHit = z.object({
  id: z.number(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  type: z.string().nullable(),
  blacklisted: z.boolean(),
})
export type ContactHit = z.output<typeof contactHit>

export const channelItem = z.object({
  serverId: z.number().nullable(),
  type: z.string(),
  username: z.string().nullable(),
  isConnected: z.boolean(),
})
export type ChannelItem = z.output<typeof channelItem>

/** What narrows a message search: a conversation, a channel, a time range [fromMs, toMs). */
const searchFilters = {
  contactId: id.optional(),
  channel: z.string().max(32).optional(),
  fromMs: z.number().int().min(0).optional(),
  toMs: z.number().int().min(0).optional(),
}
export type SearchFilters = { contactId?: number; channel?: string; fromMs?: number; toMs?: number }

export const inboxMethods = {
  /** Newest conversation first; `before` is the `next` of the previous page. */
  'conversations-page': method(
    z.object({ channel: z.string().max(32).optional(), limit, before: conversationCursor.optional() }).strict(),
    z.object({ items: z.array(conversationItem), next: conversationCursor.nullable() }),
  ),
  /**
   * A conversation newest first, one page going back in time. With `throughRowId` the page
   * reaches back to that message (and `limit` more), so a search hit can be shown in place.
   */
  'thread-page': method(
    z.object({ contactId: id, limit, before: threadCursor.optional(), throughRowId: id.optional() }).strict(),
    z.object({ items: z.array(messageItem), next: threadCursor.nullable() }),
  ),
  /**
   * Offline full-text search: one page of message hits with highlighted snippets (best
   * first; past 2,000 matches, best first within each 2,000, most recently stored first),
   * and on the first page of a search across all conversations, matching contacts.
   */
  search: method(
    z
      .object({
        query: z.string().max(200),
        ...searchFilters,
        limit: z.number().int().min(1).max(100).optional(),
        offset: z.number().int().min(0).optional(),
      })
      .strict(),
    z.object({ messages: z.array(messageHit), contacts: z.array(contactHit) }),
  ),
  /** Unread messages over every stored conversation (not only the pages a view loaded), and per channel. */
  'unread-counts': method(z.object({}).strict(), z.object({ total: z.number().int(), channels: z.record(z.string(), z.number().int()) })),
  /**
   * The user opened this conversation: its unread messages count as seen. SkyLight's API
   * cannot mark a conversation read, so this is kept in the app only.
   */
  'conversation-read': method(z.object({ contactId: id }).strict(), z.object({})),
  /** How many messages match in all, with the same filters (asked apart: it reads every match). */
  'search-count': method(z.object({ query: z.string().max(200), ...searchFilters }).strict(), z.object({ total: z.number().int() })),
  'channels-list': method(z.object({}).strict(), z.object({ accountName: z.string().nullable(), channels: z.array(channelItem) })),
}
