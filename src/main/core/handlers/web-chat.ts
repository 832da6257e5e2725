// Web chat: reads from the local copy; the hand-over commands and replies queued after the
// core checks the session's state allows them; analytics asked of SkyLight at the user's
// priority (never queued).
import type { Handlers } from '../../../shared/contract'
import { t } from '../language'
import { NetworkError, ValidationError } from '../skylight'
import { getWebChatSession, webChatSessionCount, webChatSessionList, webChatWaitingCount, type WebChatAction } from '../store'
import type { HandlerContext } from './context'

type WebChatHandlers = Pick<Handlers, 'web-chat-sessions' | 'web-chat-session' | 'web-chat-command' | 'web-chat-reply' | 'web-chat-analytics'>

const actionOf: Record<'take-over' | 'release' | 'end', WebChatAction> = { 'take-over': 'takeOver', release: 'release', end: 'end' }
// Worded when refused, in the language the core was told.
const refusals: Record<WebChatAction, () => string> = {
  takeOver: () => t().webchat_refuse_take_over(),
  reply: () => t().webchat_refuse_reply(),
  release: () => t().webchat_refuse_release(),
  end: () => t().webchat_refuse_end(),
}

export function webChatHandlers(ctx: HandlerContext): WebChatHandlers {
  const db = () => ctx.session().store.db
  const outbox = () => ctx.session().outbox
  const check = (sessionId: string, action: WebChatAction) => {
    if (!getWebChatSession(db(), sessionId).allowed[action]) throw new ValidationError(refusals[action](), 422)
  }
  return {
    'web-chat-sessions': async (input) => ({ items: webChatSessionList(db(), input), total: webChatSessionCount(db(), input), waiting: webChatWaitingCount(db()) }),
    'web-chat-session': async ({ sessionId }) => getWebChatSession(db(), sessionId),
    'web-chat-command': async ({ sessionId, command }) => {
      check(sessionId, actionOf[command])
      return { actionId: String(outbox().queue('web-chat-command', { sessionId, command }).actionId) }
    },
    'web-chat-reply': async ({ sessionId, text }) => {
      check(sessionId, 'reply')
      return { actionId: String(outbox().queue('web-chat-reply', { sessionId, text }).actionId) }
    },
    'web-chat-analytics': async ({ period }) => {
      try {
        const a = await ctx.session().api.webChat.analytics(period, { priority: 'user' })
        return {
          totalChats: a.total_chats,
          engagedChats: a.engaged_chats,
          activeChats: a.active_chats,
          completedChats: a.completed_chats,
          totalMessages: a.total_messages,
          visitorMessages: a.visitor_messages,
          botMessages: a.bot_messages,
          avgMessagesPerChat: a.avg_messages_per_chat,
          uniqueVisitors: a.unique_visitors,
          chart: { labels: a.chart_data?.labels ?? [], chats: a.chart_data?.chats ?? [], messages: a.chart_data?.messages ?? [] },
        }
      } catch (error) {
        if (error instanceof NetworkError) throw new NetworkError(t().webchat_analytics_need_connection(), 'no')
        throw error
      }
    },
  }
}
