// Send a message to a contact. The endpoint takes no idempotency key, so an unknown outcome
// is settled by looking for the message in the contact's recent outbound history.
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { ValidationError } from '../../skylight'
import { message } from '../../skylight/resources/messages'
import { confirmLocalMessage, deleteLocalMessage, failLocalMessage, findLocalMessage, insertLocalMessage, requireLocal, showReplyInConversation, undoReplyInConversation, type StoreDb } from '../../store'
import { findSentMessage, newestSentMessageId } from '../reconcile'
import { quote, type ActionDef } from './define'
import { t } from '../../language'

const schema = z.object({
  contactId: z.number().int(),
  text: z.string().trim().min(1, 'Write a message first.').max(4096, 'A message can be at most 4096 characters.'),
  /** The local message row's id; a new one each time the local phase is applied. */
  localId: z.string().optional(),
  /** When the local phase showed it, and the conversation's preview before (null: it had none). */
  shownAt: z.string().optional(),
  previewBefore: z.object({ lastMessage: z.string().nullable(), lastMessageAt: z.string().nullable(), lastMessageAtMs: z.number() }).nullish(),
})
export type SendMessagePayload = z.output<typeof schema>

/** A failed attempt leaves its row on screen (marked failed); a retry replaces it. */
function dropUnsent(db: StoreDb, p: SendMessagePayload): void {
  if (!p.localId) return
  const row = findLocalMessage(db, p.localId)
  if (row && row.serverId === null) {
    deleteLocalMessage(db, p.localId)
    if (p.shownAt && p.previewBefore !== undefined) undoReplyInConversation(db, p.contactId, p.text, p.shownAt, p.previewBefore)
  }
}

export const sendMessageAction: ActionDef<SendMessagePayload> = {
  kind: 'send-message',
  payload: { current: 1, schema },
  lane: (p) => `contact:${p.contactId}`,
  summary: (p, names) => t().summary_send({ text: quote(p.text), to: names('contact', p.contactId) }),
  editable: (p) => ({ text: p.text }),
  repeatable: false,
  resources: ['messages', 'conversations'],
  contactIds: (p) => [p.contactId],
  apply(db, p) {
    requireLocal(db, { kind: 'contact', id: p.contactId })
    dropUnsent(db, p)
    const localId = randomUUID()
    const shownAt = new Date().toISOString()
    insertLocalMessage(db, { localId, contactId: p.contactId, content: p.text, createdAt: shownAt })
    // The conversation moves up with the reply as its preview now, not at the next poll.
    const previewBefore = showReplyInConversation(db, p.contactId, p.text, shownAt)
    return { ...p, localId, shownAt, previewBefore }
  },
  rollback(db, p, error) {
    if (!p.localId) return
    if (!error) return dropUnsent(db, p)
    // Some refusals are saved by the server as a failed message: show exactly that record.
    const saved = error instanceof ValidationError ? message.safeParse(error.data) : null
    if (saved?.success) confirmLocalMessage(db, p.localId, { ...saved.data, error: saved.data.error ?? error.message })
    else failLocalMessage(db, p.localId, error.message)
  },
  discardFailed: (db, p) => dropUnsent(db, p),
  async send(ctx, p) {
    const sent = await ctx.api.messages.send(p.contactId, p.text, ctx.call)
    return { serverId: sent.id, record: sent }
  },
  observe: (ctx, p) => newestSentMessageId(ctx, p.contactId),
  async reconcile(ctx, p) {
    const found = await findSentMessage(ctx, p.contactId, p.text)
    return found ? { serverId: found.id, record: found } : null
  },
  confirm(db, p, result) {
    const sent = message.safeParse(result.record)
    if (p.localId && sent.success && findLocalMessage(db, p.localId)) confirmLocalMessage(db, p.localId, sent.data)
  },
  edit: (p, changes) => ({ ...p, ...z.object({ text: schema.shape.text }).parse(changes) }),
}
