// Writes of the conversation list as sync receives it.
import { eq } from 'drizzle-orm'
import type { Conversation } from '../../skylight/resources/messages'
import { inTransaction, type StoreDb } from '../db'
import { conversations } from '../schema/messages'
import { epochMs } from '../time'
import { ensureContacts } from './contacts'
import { withoutPendingDeletes } from '../queries/pending-deletes'
import { partition, type PageWrite } from './partition'
import { inIds, upsertRows } from './upsert-rows'

function toRow(c: Conversation) {
  return {
    contactId: c.contact_id,
    contactName: c.contact_name,
    channel: c.channel,
    lastMessage: c.last_message,
    lastMessageAt: c.last_message_at,
    lastMessageAtMs: epochMs(c.last_message_at),
    unreadCount: c.unread_count,
  } satisfies typeof conversations.$inferInsert
}

/**
 * One page of /conversations, in one transaction. `inserted` and `updated` (contact ids)
 * are the conversations whose messages sync should fetch; a page with neither means the
 * rest is already known.
 */
export function upsertConversations(db: StoreDb, page: readonly Conversation[]): PageWrite<number> {
  return inTransaction(db, (tx) => {
    // A contact the user deleted (delete still queued) must not come back with its conversation.
    page = withoutPendingDeletes(tx, 'contact', page, (c) => c.contact_id)
    const incoming = page.map(toRow)
    ensureContacts(
      tx,
      page.map((c) => ({ id: c.contact_id, name: c.contact_name, type: c.channel })),
    )
    const ids = incoming.map((r) => r.contactId)
    const stored = new Map(
      tx.select().from(conversations).where(inIds(conversations.contactId, ids)).all().map((r) => [r.contactId, r]),
    )
    const { insert, update, result } = partition(incoming, (r) => r.contactId, stored)
    upsertRows(tx, conversations, [...insert, ...update].map((values) => ({ ...values, unseen: false })), conversations.contactId)
    if (result.unchanged.length > 0) {
      tx.update(conversations).set({ unseen: false }).where(inIds(conversations.contactId, result.unchanged)).run()
    }
    return result
  })
}

/** Records that the contact's messages are fetched up to `lastMessageAtMs`. */
export function markMessagesSynced(db: StoreDb, contactId: number, lastMessageAtMs: number): void {
  db.update(conversations).set({ messagesSyncedMs: lastMessageAtMs }).where(eq(conversations.contactId, contactId)).run()
}
