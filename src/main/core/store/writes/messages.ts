// Writes of a contact's messages as sync receives them, keeping the search index in step.
import { eq } from 'drizzle-orm'
import type { Message } from '../../skylight/resources/messages'
import { inTransaction, type StoreDb } from '../db'
import { messages } from '../schema/messages'
import { indexMessage, indexMessages, unindexMessage } from '../search/message-index'
import { epochMs } from '../time'
import { ensureContacts } from './contacts'
import { withoutPendingDeletes } from '../queries/pending-deletes'
import { partition, type PageWrite } from './partition'
import { inIds, insertRowsReturningIds } from './upsert-rows'

/** A server message as stored (shared with confirmLocalMessage, so a later sync sees no change). */
export function messageRow(contactId: number, m: Message) {
  return {
    serverId: m.id,
    // The path names the contact; the record's own contact_id may be missing.
    contactId,
    direction: m.direction,
    channel: m.channel,
    content: m.content,
    status: m.status,
    error: m.error ?? null,
    sentAt: m.sent_at,
    createdAt: m.created_at,
    sortAtMs: epochMs(m.sent_at, m.created_at),
  } satisfies typeof messages.$inferInsert
}

/**
 * The fields a history record speaks for. The docs' Message object has no `error`, so a
 * record without one leaves a stored reason (from the send's failure answer) as it is.
 */
function incomingRow(contactId: number, m: Message): Omit<ReturnType<typeof messageRow>, 'error'> & { error?: string | null } {
  const { error, ...row } = messageRow(contactId, m)
  return m.error === undefined ? row : { ...row, error }
}

/**
 * One page of a contact's messages (any order), in one transaction, keyed by server id.
 * Messages with local changes (e.g. a status the outbox is still pushing) are left alone.
 */
export function upsertMessages(db: StoreDb, contactId: number, page: readonly Message[]): PageWrite<number> {
  return inTransaction(db, (tx) => {
    if (withoutPendingDeletes(tx, 'contact', [contactId], (id) => id).length === 0) {
      return { inserted: [], updated: [], unchanged: [], skipped: page.map((m) => m.id) }
    }
    ensureContacts(tx, [{ id: contactId }])
    const incoming = page.map((m) => incomingRow(contactId, m))
    const stored = new Map(
      tx
        .select()
        .from(messages)
        .where(inIds(messages.serverId, incoming.map((r) => r.serverId)))
        .all()
        .map((r) => [r.serverId!, r]),
    )
    const { insert, update, result } = partition(incoming, (r) => r.serverId, stored)
    // Row ids break ties between messages of the same timestamp (a second's resolution is
    // common): oldest first, in the server's id order, whatever order the page came in.
    insert.sort((a, b) => a.sortAtMs - b.sortAtMs || a.serverId - b.serverId)
    // Every inserted row has the same columns (the statement is built from the first).
    const rowIds = insertRowsReturningIds(tx, messages, insert.map((values) => ({ ...values, error: values.error ?? null, unseen: false })))
    indexMessages(tx, insert.map((values, i) => ({ rowId: rowIds[i]!, content: values.content })))
    for (const values of update) {
      const old = stored.get(values.serverId)!
      if (old.content !== values.content) unindexMessage(tx, old)
      tx.update(messages)
        .set({ ...values, unseen: false })
        .where(eq(messages.rowId, old.rowId))
        .run()
      if (old.content !== values.content) indexMessage(tx, { rowId: old.rowId, content: values.content })
    }
    if (result.unchanged.length > 0) {
      tx.update(messages).set({ unseen: false }).where(inIds(messages.serverId, result.unchanged)).run()
    }
    return result
  })
}
