// The user opened a conversation: its unread messages count as seen. Kept locally because
// SkyLight's API has no endpoint to mark a conversation read; sync keeps the mark (see
// upsertConversations) until SkyLight's own count drops below it.
import { and, eq, gt } from 'drizzle-orm'
import type { StoreDb } from '../db'
import { conversations } from '../schema/messages'

/** Marks the conversation's unread messages seen; true when anything changed. */
export function markConversationRead(db: StoreDb, contactId: number): boolean {
  const { changes } = db
    .update(conversations)
    .set({ seenUnread: conversations.unreadCount })
    .where(and(eq(conversations.contactId, contactId), gt(conversations.unreadCount, conversations.seenUnread)))
    .run()
  return changes > 0
}
