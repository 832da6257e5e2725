// An agent's message to a web chat visitor: a child POST without idempotency key. An unknown
// outcome is settled by reading the session for this text from an agent, sent since the
// first attempt and not already matched to another message.
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { t } from '../../language'
import { ValidationError } from '../../skylight'
import { webChatMessage } from '../../skylight/resources/web-chat'
import {
  confirmLocalWebChatMessage,
  deleteUnsentWebChatMessage,
  failLocalWebChatMessage,
  findLocalWebChatMessage,
  insertLocalWebChatMessage,
  requireWebChatSession,
  webChatAllowed,
} from '../../store'
import { reconcileInList } from '../reconcile'
import { quote, type ActionDef } from './define'

const schema = z.object({
  sessionId: z.string().min(1).max(200),
  text: z.string().trim().min(1, { error: () => t().webchat_write_message() }).max(5000, { error: () => t().webchat_message_max({ max: 5000 }) }),
  localId: z.string().optional(),
})
export type WebChatReplyPayload = z.output<typeof schema>

export const webChatReplyAction: ActionDef<WebChatReplyPayload> = {
  kind: 'web-chat-reply',
  payload: { current: 1, schema },
  lane: (p) => `web-chat:${p.sessionId}`,
  summary: (p) => t().webchat_summary_reply({ text: quote(p.text) }),
  editable: (p) => ({ text: p.text }),
  repeatable: false,
  resources: ['webChat'],
  apply(db, p) {
    const session = requireWebChatSession(db, p.sessionId)
    if (!webChatAllowed(session.status, session.handledBy).reply) {
      throw new ValidationError(t().webchat_refuse_send(), 422)
    }
    if (p.localId) deleteUnsentWebChatMessage(db, p.localId)
    const localId = randomUUID()
    insertLocalWebChatMessage(db, { sessionId: p.sessionId, localId, text: p.text, createdAt: new Date().toISOString() })
    return { ...p, localId }
  },
  rollback(db, p, error) {
    if (!p.localId) return
    if (error) failLocalWebChatMessage(db, p.localId, error.message)
    else deleteUnsentWebChatMessage(db, p.localId)
  },
  discardFailed: (db, p) => {
    if (p.localId) deleteUnsentWebChatMessage(db, p.localId)
  },
  async send(ctx, p) {
    const sent = await ctx.api.webChat.send(p.sessionId, p.text, ctx.call)
    return { serverId: sent.id, record: sent }
  },
  // Clock-free: the session's agent messages, newer than the newest one before the request.
  ...reconcileInList(
    async (ctx, p: WebChatReplyPayload) => (await ctx.api.webChat.get(p.sessionId, ctx.call)).messages.filter((m) => m.sender === 'agent').map((m) => ({ ...m, created_at: m.created_at ?? null })),
    (m, p) => m.text === p.text,
  ),
  confirm(db, p, result) {
    const sent = webChatMessage.safeParse(result.record)
    if (p.localId && sent.success && findLocalWebChatMessage(db, p.localId)) confirmLocalWebChatMessage(db, p.localId, sent.data)
  },
  edit: (p, changes) => ({ ...p, ...z.object({ text: schema.shape.text }).parse(changes) }),
}
