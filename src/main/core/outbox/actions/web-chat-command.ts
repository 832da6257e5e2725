// Take over a web chat session from the AI, release it back, or end it. The session is read
// first, so a command its state no longer allows (the visitor left, another agent took it)
// fails with that explanation. Take-over and release are refused when repeated, so an
// unknown outcome is settled by reading the session.
import { z } from 'zod'
import { ValidationError } from '../../skylight'
import type { WebChatSession } from '../../skylight/resources/web-chat'
import { holdWebChatSession, releaseWebChatSession, saveWebChatSessionIfUnheld, webChatAllowed, type WebChatAction } from '../../store'
import type { ActionDef } from './define'
import { t } from '../../language'

const rules = {
  'take-over': { action: 'takeOver', patch: { handledBy: 'human' }, label: () => t().webchat_take_over(), refusal: () => t().webchat_refused_taken() },
  release: { action: 'release', patch: { handledBy: 'ai' }, label: () => t().webchat_release(), refusal: () => t().webchat_refuse_release() },
  end: { action: 'end', patch: { status: 'ended' }, label: () => t().webchat_command_end(), refusal: () => t().webchat_refused_ended() },
} as const satisfies Record<string, { action: WebChatAction; patch: object; label: () => string; refusal: () => string }>

const schema = z.object({
  sessionId: z.string().min(1).max(200),
  command: z.enum(['take-over', 'release', 'end']),
  previous: z.object({ status: z.string().optional(), handledBy: z.string().optional() }).optional(),
})
export type WebChatCommandPayload = z.output<typeof schema>

const summaries = {
  'take-over': (session: string) => t().webchat_summary_take_over({ session }),
  release: (session: string) => t().webchat_summary_release({ session }),
  end: (session: string) => t().webchat_summary_end({ session }),
} as const

function tookEffect(s: WebChatSession, p: WebChatCommandPayload): boolean {
  if (p.command === 'end') return s.status === 'ended'
  if (p.command === 'take-over') return s.handled_by === 'human'
  return s.handled_by === 'ai' || s.status === 'ended'
}

export const webChatCommandAction: ActionDef<WebChatCommandPayload> = {
  kind: 'web-chat-command',
  payload: { current: 1, schema },
  lane: (p) => `web-chat:${p.sessionId}`,
  summary: (p) => summaries[p.command](p.sessionId),
  repeatable: false,
  resources: ['webChat'],
  apply(db, p) {
    const before = holdWebChatSession(db, p.sessionId, rules[p.command].patch)
    return { ...p, previous: p.previous ?? before }
  },
  rollback(db, p) {
    releaseWebChatSession(db, p.sessionId, p.previous ?? {})
  },
  async send(ctx, p) {
    const current = await ctx.api.webChat.get(p.sessionId, ctx.call)
    if (!webChatAllowed(current.status, current.handled_by)[rules[p.command].action]) {
      throw new ValidationError(t().webchat_not_possible_now({ command: rules[p.command].label(), why: rules[p.command].refusal() }), 409)
    }
    const after = await ctx.api.webChat.command(p.sessionId, p.command, ctx.call)
    return { record: after ?? undefined }
  },
  settledByState: true,
  async reconcile(ctx, p) {
    const current = await ctx.api.webChat.get(p.sessionId, ctx.call)
    return tookEffect(current, p) ? { record: current } : null
  },
  confirm(db, p, result) {
    releaseWebChatSession(db, p.sessionId)
    if (result.record) saveWebChatSessionIfUnheld(db, result.record as WebChatSession)
  },
}
