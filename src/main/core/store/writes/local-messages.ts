// Messages written in the app: shown at once as pending, confirmed when the server accepts
// them. The outbox calls these inside its own transaction with the queued action.
import { eq } from 'drizzle-orm'
import type { Message } from '../../skylight/resources/messages'
import { inTransaction, type StoreDb } from '../db'
import { notFound } from '../errors'
import { messages } from '../schema/messages'
import { indexMessage, unindexMessage } from '../search/message-index'
import { epochMs } from '../time'
import { ensureContacts } from './contacts'
import { messageRow } from './messages'
import { t } from '../../language'

export interface LocalMessageInput {
  /** The outbox's id for it (unique), until and after the server gives its own. */
  localId: string
  contactId: number
  content: string
  channel?: string | null
  createdAt: string
}

/** Adds an outgoing message held for the outbox (local_revision 1); returns its row id. */
export function insertLocalMessage(db: StoreDb, input: LocalMessageInput): number {
  return inTransaction(db, (tx) => {
    ensureContacts(tx, [{ id: input.contactId }])
    const { rowId } = tx
      .insert(messages)
      .values({
        localId: input.localId,
        contactId: input.contactId,
        direction: 'outbound',
        channel: input.channel ?? null,
        content: input.content,
        status: 'pending',
        createdAt: input.createdAt,
        sortAtMs: epochMs(input.createdAt),
        localRevision: 1,
      })
      .returning({ rowId: messages.rowId })
      .get()
    indexMessage(tx, { rowId, content: input.content })
    return rowId
  })
}

/**
 * The server answered with its record of the message (sent, or saved as failed): the local
 * row takes the server's id and fields and is released to sync. If sync already stored the
 * server's copy, that duplicate is dropped so the thread shows the message once. The
 * answers carry fewer fields than the Message object (the docs' send answer has no
 * direction or created_at; its failure answer only id, status and error): what the answer
 * leaves out keeps the local value, so the row keeps its place in the thread (the time it
 * was queued) until sync brings the server's own.
 */
export function confirmLocalMessage(db: StoreDb, localId: string, sent: Message): void {
  inTransaction(db, (tx) => {
    const local = tx.select().from(messages).where(eq(messages.localId, localId)).get()
    if (!local) throw notFound(t().store_that_message())
    const duplicate = tx.select().from(messages).where(eq(messages.serverId, sent.id)).get()
    if (duplicate && duplicate.rowId !== local.rowId) {
      unindexMessage(tx, duplicate)
      tx.delete(messages).where(eq(messages.rowId, duplicate.rowId)).run()
    }
    unindexMessage(tx, local)
    const server = messageRow(local.contactId, sent)
    const row = {
      ...server,
      direction: server.direction ?? local.direction,
      channel: server.channel ?? local.channel,
      content: server.content ?? local.content,
      error: sent.error === undefined ? local.error : server.error,
      createdAt: server.createdAt ?? local.createdAt,
    }
    const content = row.content
    tx.update(messages)
      .set({ ...row, sortAtMs: epochMs(row.sentAt, row.createdAt), localRevision: 0, unseen: false })
      .where(eq(messages.rowId, local.rowId))
      .run()
    indexMessage(tx, { rowId: local.rowId, content })
  })
}

/** The user discarded a message that was never sent. */
export function deleteLocalMessage(db: StoreDb, localId: string): void {
  inTransaction(db, (tx) => {
    const local = tx.select().from(messages).where(eq(messages.localId, localId)).get()
    if (!local) throw notFound(t().store_that_message())
    unindexMessage(tx, local)
    tx.delete(messages).where(eq(messages.rowId, local.rowId)).run()
  })
}

/** The server refused the message without keeping a record: shown failed, with its reason. */
export function failLocalMessage(db: StoreDb, localId: string, error: string): void {
  db.update(messages).set({ status: 'failed', error }).where(eq(messages.localId, localId)).run()
}

/** The user edited a message still waiting to be sent. */
export function editLocalMessage(db: StoreDb, localId: string, content: string): void {
  inTransaction(db, (tx) => {
    const local = tx.select().from(messages).where(eq(messages.localId, localId)).get()
    if (!local) throw notFound(t().store_that_message())
    unindexMessage(tx, local)
    tx.update(messages).set({ content, status: 'pending', error: null }).where(eq(messages.rowId, local.rowId)).run()
    indexMessage(tx, { rowId: local.rowId, content })
  })
}

/** Where an app-written message stands: null once it is gone. */
export function findLocalMessage(db: StoreDb, localId: string): { rowId: number; serverId: number | null; status: string | null } | null {
  return (
    db
      .select({ rowId: messages.rowId, serverId: messages.serverId, status: messages.status })
      .from(messages)
      .where(eq(messages.localId, localId))
      .get() ?? null
  )
}
