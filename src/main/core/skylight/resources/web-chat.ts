// /web-chat: the website widget's sessions, their messages, the hand-over commands and the
// analytics (online only). The docs page stops after the list's parameters: messages are
// read tolerantly (the text as `message`, `content` or `body`; the sender as `sender_type`,
// `sender` or `role`, where the AI may be called bot, ai or assistant).
import { z } from 'zod'
import type { CallOptions, SkyLightClient } from '../client'
import { bool, id, int, looseEnum, nullable, timestamp } from '../schema'

export const webChatStatuses = ['active', 'ended'] as const
export const webChatHandlers = ['ai', 'human', 'pending'] as const

export const webChatSession = z.object({
  session_id: z.string().min(1),
  status: looseEnum(webChatStatuses),
  handled_by: looseEnum(webChatHandlers),
  visitor_name: nullable(z.string()),
  visitor_email: nullable(z.string()),
  visitor_phone: nullable(z.string()),
  visitor_page_url: nullable(z.string()),
  visitor_referrer: nullable(z.string()),
  has_visitor_messages: nullable(bool),
  human_requested_at: nullable(timestamp),
  human_took_over_at: nullable(timestamp),
  last_activity_at: nullable(timestamp),
  created_at: nullable(timestamp),
})
export type WebChatSession = z.output<typeof webChatSession>

const senders: Record<string, 'visitor' | 'ai' | 'agent'> = { visitor: 'visitor', user: 'visitor', bot: 'ai', ai: 'ai', assistant: 'ai', agent: 'agent', human: 'agent', admin: 'agent' }

export const webChatMessage = z
  .object({
    id,
    message: nullable(z.string()),
    content: nullable(z.string()),
    body: nullable(z.string()),
    sender_type: nullable(z.string()),
    sender: nullable(z.string()),
    role: nullable(z.string()),
    created_at: nullable(timestamp),
  })
  .transform((m) => ({
    id: m.id,
    text: m.message ?? m.content ?? m.body ?? '',
    sender: senders[(m.sender_type ?? m.sender ?? m.role ?? '').toLowerCase()] ?? 'ai',
    created_at: m.created_at,
  }))
export type WebChatMessage = z.output<typeof webChatMessage>

export const webChatDetail = webChatSession.extend({
  messages: z
    .array(z.unknown())
    .nullish()
    .transform((items) =>
      (items ?? []).flatMap((raw) => {
        const parsed = webChatMessage.safeParse(raw)
        return parsed.success ? [parsed.data] : []
      }),
    ),
})
export type WebChatDetail = z.output<typeof webChatDetail>

const count = int.nullish().transform((v) => v ?? 0)
export const webChatAnalytics = z.object({
  total_chats: count,
  engaged_chats: count,
  active_chats: count,
  completed_chats: count,
  total_messages: count,
  visitor_messages: count,
  bot_messages: count,
  avg_messages_per_chat: z
    .union([z.number(), z.string().transform(Number)])
    .nullish()
    .transform((v) => (Number.isFinite(v) ? Number(v) : 0)),
  unique_visitors: count,
  chart_data: z
    .object({
      labels: z.array(z.string()).nullish(),
      chats: z.array(z.number()).nullish(),
      messages: z.array(z.number()).nullish(),
    })
    .passthrough()
    .nullish(),
})
export type WebChatAnalytics = z.output<typeof webChatAnalytics>

export type WebChatCommand = 'take-over' | 'release' | 'end'
export type AnalyticsPeriod = 'today' | 'week' | 'month' | 'year'

export function webChatApi(client: SkyLightClient) {
  const path = (sessionId: string, rest = '') => `/web-chat/sessions/${encodeURIComponent(sessionId)}${rest}`
  return {
    list: (query: { page?: number; per_page?: number; status?: string; handled_by?: string; search?: string } = {}, o?: CallOptions) =>
      client.page({ method: 'GET', path: '/web-chat/sessions', query: { ...query }, ...o }, webChatSession),
    get: (sessionId: string, o?: CallOptions) => client.data({ method: 'GET', path: path(sessionId), ...o }, webChatDetail),
    /** take-over / release / end; a command the session's state does not allow is refused. */
    command: (sessionId: string, command: WebChatCommand, o?: CallOptions) =>
      client.data({ method: 'POST', path: path(sessionId, `/${command}`), ...o }, webChatSession.or(z.unknown().transform(() => null))),
    send: (sessionId: string, message: string, o?: CallOptions) =>
      client.data({ method: 'POST', path: path(sessionId, '/messages'), json: { message }, ...o }, webChatMessage),
    /** Online only. */
    analytics: (period: AnalyticsPeriod, o?: CallOptions) =>
      client.data({ method: 'GET', path: '/web-chat/analytics', query: { period }, ...o }, webChatAnalytics),
  }
}
