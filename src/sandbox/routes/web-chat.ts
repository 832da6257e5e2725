// Web chat (docs.skylightchat.com/rest-api/web-chat): analytics, sessions with status,
// handler and search filters, one session with its messages, take over, release, an agent's
// message, end. The page stops after the list's parameters: the messages' shape
// (`sender_type` visitor/bot/agent, `message`) and the commands' rules are this sandbox's
// reading — a command the session's state does not allow is refused with a 422.
import { z } from 'zod'
import type { WebChatSessionRec } from '../data/model'
import { addWebChatMessage, webChatAnalytics, webChatDetailJson, webChatMessageJson, webChatSessionJson } from '../data/web-chat'
import { pageRequest, paginateArray } from '../http/pagination'
import { fail, json, notFound, ok } from '../http/respond'
import type { RouteContext, Router } from '../http/router'
import { queryEnum, requiredString, validate } from '../http/validate'

// Session ids are strings (sess_…): the router's {params} are integers, so these routes
// match the id by pattern and read it from the path.
const ID = '[A-Za-z0-9_-]+'
const sendMessage = z.preprocess(
  (raw) => {
    const body = (raw ?? {}) as Record<string, unknown>
    return { message: body.message ?? body.content ?? body.body }
  },
  z.object({ message: requiredString('message', 5000) }),
)

function session(ctx: RouteContext): WebChatSessionRec {
  const id = /\/web-chat\/sessions\/([^/?]+)/.exec(new URL(ctx.req.url ?? '/', 'http://x').pathname)?.[1]
  const found = id ? ctx.store.webChatSessions.get(decodeURIComponent(id)) : undefined
  if (!found) throw notFound('Session')
  return found
}

function refuseEnded(s: WebChatSessionRec): void {
  if (s.status === 'ended') throw fail(422, 'This session has ended.')
}

const byActivity = (a: WebChatSessionRec, b: WebChatSessionRec) => b.lastActivityAt - a.lastActivityAt || (a.sessionId < b.sessionId ? 1 : -1)

function matches(s: WebChatSessionRec, search: string): boolean {
  const needle = search.toLowerCase()
  return [s.visitorName, s.visitorEmail, s.visitorPhone].some((v) => v?.toLowerCase().includes(needle))
}

export function webChatRoutes(router: Router): void {
  router.get('/web-chat/analytics', ({ store, query, now }) => {
    const period = queryEnum(query, 'period', ['today', 'week', 'month', 'year'] as const) ?? 'month'
    return ok(webChatAnalytics(store, period, now))
  })

  router.get('/web-chat/sessions', ({ store, query }) => {
    const status = queryEnum(query, 'status', ['active', 'ended'] as const)
    const handledBy = queryEnum(query, 'handled_by', ['ai', 'human', 'pending'] as const)
    const search = query.get('search')?.trim()
    const rows = [...store.webChatSessions.values()]
      .filter((s) => (!status || s.status === status) && (!handledBy || s.handledBy === handledBy) && (!search || matches(s, search)))
      .sort(byActivity)
    return paginateArray(rows, pageRequest(query, 20, 100), webChatSessionJson)
  })

  router.get(`/web-chat/sessions/${ID}`, (ctx) => ok(webChatDetailJson(session(ctx))))

  router.post(`/web-chat/sessions/${ID}/take-over`, (ctx) => {
    const s = session(ctx)
    refuseEnded(s)
    if (s.handledBy === 'human') throw fail(422, 'A human agent already handles this session.')
    s.handledBy = 'human'
    s.humanTookOverAt = ctx.now
    s.lastActivityAt = ctx.now
    return ok(webChatSessionJson(s), 'Session transferred to a human agent.')
  })

  router.post(`/web-chat/sessions/${ID}/release`, (ctx) => {
    const s = session(ctx)
    refuseEnded(s)
    if (s.handledBy !== 'human') throw fail(422, 'Only a session a human handles can be returned to the AI.')
    s.handledBy = 'ai'
    s.lastActivityAt = ctx.now
    return ok(webChatSessionJson(s), 'Session returned to the AI.')
  })

  router.post(`/web-chat/sessions/${ID}/messages`, (ctx) => {
    const s = session(ctx)
    refuseEnded(s)
    if (s.handledBy !== 'human') throw fail(422, 'Take over the session before replying.')
    const input = validate(sendMessage, ctx.body)
    const message = addWebChatMessage(ctx.world, s, 'agent', input.message, ctx.now)
    return json(201, { success: true, data: webChatMessageJson(message), message: 'Message sent.' }, { createdId: message.id })
  })

  router.post(`/web-chat/sessions/${ID}/end`, (ctx) => {
    const s = session(ctx)
    // Ending an ended session changes nothing and is not an error.
    if (s.status !== 'ended') {
      s.status = 'ended'
      s.lastActivityAt = ctx.now
    }
    return ok(webChatSessionJson(s), 'Session ended.')
  })
}
