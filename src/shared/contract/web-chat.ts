// Web chat in the inbox: the sessions (waiting for a human first), one session's messages
// with what its state allows (the core decides), the hand-over commands and replies (queued
// in the outbox), and the analytics (online only).
import { z } from 'zod'
import { method } from './define'

const sessionId = z.string().min(1).max(200)
const queued = z.object({ actionId: z.string() })

export const webChatAllowed = z.object({ takeOver: z.boolean(), reply: z.boolean(), release: z.boolean(), end: z.boolean() })

export const webChatSessionItem = z.object({
  sessionId: z.string(),
  status: z.string(),
  handledBy: z.string(),
  visitorName: z.string().nullable(),
  visitorEmail: z.string().nullable(),
  visitorPhone: z.string().nullable(),
  pageUrl: z.string().nullable(),
  referrer: z.string().nullable(),
  humanRequestedAt: z.string().nullable(),
  lastActivityAt: z.string().nullable(),
  /** Active and waiting for a human. */
  waiting: z.boolean(),
  pending: z.boolean(),
  allowed: webChatAllowed,
})
export type WebChatSessionItem = z.output<typeof webChatSessionItem>

export const webChatMessageItem = z.object({
  key: z.string(),
  /** visitor, ai or agent. */
  sender: z.string(),
  text: z.string(),
  createdAt: z.string().nullable(),
  state: z.string(),
  error: z.string().nullable(),
})
export type WebChatMessageItem = z.output<typeof webChatMessageItem>

export const webChatAnalyticsView = z.object({
  totalChats: z.number(),
  engagedChats: z.number(),
  activeChats: z.number(),
  completedChats: z.number(),
  totalMessages: z.number(),
  visitorMessages: z.number(),
  botMessages: z.number(),
  avgMessagesPerChat: z.number(),
  uniqueVisitors: z.number(),
  chart: z.object({ labels: z.array(z.string()), chats: z.array(z.number()), messages: z.array(z.number()) }),
})
export type WebChatAnalyticsView = z.output<typeof webChatAnalyticsView>

export const webChatMethods = {
  'web-chat-sessions': method(
    z
      .object({
        status: z.enum(['active', 'ended']).optional(),
        handledBy: z.enum(['ai', 'human', 'pending']).optional(),
        search: z.string().max(200).optional(),
        limit: z.number().int().min(1).max(500).optional(),
        offset: z.number().int().min(0).optional(),
      })
      .strict(),
    /** total: how many sessions match the filter; waiting: how many wait for a person, whatever the filter. */
    z.object({ items: z.array(webChatSessionItem), total: z.number(), waiting: z.number() }),
  ),
  'web-chat-session': method(z.object({ sessionId }).strict(), webChatSessionItem.extend({ messages: z.array(webChatMessageItem) })),
  'web-chat-command': method(z.object({ sessionId, command: z.enum(['take-over', 'release', 'end']) }).strict(), queued),
  'web-chat-reply': method(z.object({ sessionId, text: z.string().trim().min(1).max(5000) }).strict(), queued),
  /** Online only: a `network` error offline. */
  'web-chat-analytics': method(z.object({ period: z.enum(['today', 'week', 'month', 'year']) }).strict(), webChatAnalyticsView),
}
