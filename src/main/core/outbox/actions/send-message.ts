// Send a message to a contact. The endpoint takes no idempotency key, so an unknown outcome
// is settled by looking for the message in the contact's recent outbound history.
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { ValidationError } from '../../skylight'
import { message } from '../../skylight/resources/messages'
import { confirmLocalMessage, deleteLocalMessage, failLocalMessage, findLocalMessage, insertLocalMessage, type StoreDb } from '../../store'
import { findSentMessage, newestSentMessageId } from '../reconcile'
import { quote, type ActionDef } from './define'

const schema = z.object({
  contactId: z.number().int(),
  text: z.string().trim().min(1, 'Write a message first.').max(4096, 'A message can be at most 4096 characters.'),
  /** The local message row's id; a new one each time the local phase is applied. */
  localId: z.string().optional(),
})
export type SendMessagePayload = z.output<typeof schema>

/** A failed attempt leaves its row on screen (marked failed); a retry replaces it. */
function dropUnsent(db: StoreDb, localId: string | undefined): void {
  if (!localId) return
  const row = findLocalMessage(db, localId)
  if (row && row.serverId === null) deleteLocalMessage(db, localId)
}

export const sendMessageAction: ActionDef<SendMessagePayload> = {
  kind: 'send-message',
  payload: { current: 1, schema },
  lane: (p) => `contact:${p.contactId}`,
  summary: (p) => `Send ${quote(p.text)} to contact ${p.contactId}`,
  repeatable: false,
  resources: ['messages', 'conversations'],
  contactIds: (p) => [p.contactId],
  apply(db, p) {
    dropUnsent(db, p.localId)
    const localId = randomUUID()
    insertLocalMessage(db, { localId, contactId: p.contactId, content: p.text, createdAt: new Date().toISOString() })
    return { ...p, localId }
  },
  rollback(db, p, error) {
    if (!p.localId) return
    if (!error) return dropUnsent(db, p.localId)
    // Some refusals are saved by the server as a failed message: show exactly that record.
    const saved = error instanceof ValidationError ? message.safeParse(error.data) : null
    if (saved?.success) confirmLocalMessage(db, p.localId, { ...saved.data, error: saved.data.error ?? error.message })
    else failLocalMessage(db, p.localId, error.message)
  },
  discardFailed: (db, p) => dropUnsent(db, p.localId),
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
