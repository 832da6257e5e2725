// Writes of the conversation list as sync receives it.
import { and, eq, gt, sql } from 'drizzle-orm'
import type { Conversation } from '../../skylight/resources/messages'
import { inTransaction, type StoreDb } from '../db'
import { conversations } from '../schema/messages'
import { epochMs } from '../time'
import { ensureContacts, renameFromConversations } from './contacts'
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
 * Timestamps come in whole seconds, so a message that arrives in the same second as the
 * previous last one leaves last_message_at as it was: a new last message or unread count
 * then marks the conversation's messages due all the same (any value other than
 * last_message_at_ms does).
 */
function movedWithinItsSecond(values: ReturnType<typeof toRow>, old: typeof conversations.$inferSelect): boolean {
  return old.lastMessageAtMs === values.lastMessageAtMs && (old.lastMessage !== values.lastMessage || old.unreadCount !== values.unreadCount)
}

export interface ConversationsWrite extends PageWrite<number> {
  /** Contacts whose name the list changed (renamed elsewhere). */
  renamed: number[]
}

/**
 * One page of /conversations, in one transaction. `inserted` and `updated` (contact ids)
 * are the conversations whose messages sync should fetch; a page with neither means the
 * rest is already known.
 */
export function upsertConversations(db: StoreDb, page: readonly Conversation[]): ConversationsWrite {
  return inTransaction(db, (tx) => {
    // A contact the user deleted (delete still queued) must not come back with its conversation.
    page = withoutPendingDeletes(tx, 'contact', page, (c) => c.contact_id)
    const incoming = page.map(toRow)
    ensureContacts(
      tx,
      page.map((c) => ({ id: c.contact_id, name: c.contact_name, type: c.channel })),
    )
    const renamed = renameFromConversations(
      tx,
      page.map((c) => ({ id: c.contact_id, name: c.contact_name })),
    )
    const ids = incoming.map((r) => r.contactId)
    const stored = new Map(
      tx.select().from(conversations).where(inIds(conversations.contactId, ids)).all().map((r) => [r.contactId, r]),
    )
    const { insert, update, result } = partition(incoming, (r) => r.contactId, stored)
    upsertRows(tx, conversations, [...insert, ...update].map((values) => ({ ...values, unseen: false })), conversations.contactId)
    const due = update.filter((values) => movedWithinItsSecond(values, stored.get(values.contactId)!)).map((v) => v.contactId)
    if (due.length > 0) {
      tx.update(conversations)
        .set({ messagesSyncedMs: sql`${conversations.lastMessageAtMs} - 1` })
        .where(inIds(conversations.contactId, due))
        .run()
    }
    // SkyLight's count fell below what was seen here (read elsewhere): the mark follows it,
    // so messages arriving after that count again.
    if (ids.length > 0) {
      tx.update(conversations)
        .set({ seenUnread: conversations.unreadCount })
        .where(and(inIds(conversations.contactId, ids), gt(conversations.seenUnread, conversations.unreadCount)))
        .run()
    }
    if (result.unchanged.length > 0) {
      tx.update(conversations).set({ unseen: false }).where(inIds(conversations.contactId, result.unchanged)).run()
    }
    return { ...result, renamed }
  })
}

/** Records that the contact's messages are fetched up to `lastMessageAtMs`. */
export function markMessagesSynced(db: StoreDb, contactId: number, lastMessageAtMs: number): void {
  db.update(conversations).set({ messagesSyncedMs: lastMessageAtMs }).where(eq(conversations.contactId, contactId)).run()
}
