// A reply written in the app moves its conversation to the top with the reply as its preview
// at once, as the server will once it has the message; sync's next read of the list then
// brings the server's own values. Undone exactly when the reply is discarded — unless sync
// has written the conversation since, in which case its values are the truer ones.
import { and, eq } from 'drizzle-orm'
import type { StoreDb } from '../db'
import { contacts } from '../schema/contacts'
import { conversations } from '../schema/messages'
import { epochMs } from '../time'

/** The conversation's preview before a reply was shown in it; null when it had none. */
export interface PreviewBefore {
  lastMessage: string | null
  lastMessageAt: string | null
  lastMessageAtMs: number
}

export function showReplyInConversation(db: StoreDb, contactId: number, text: string, at: string): PreviewBefore | null {
  const now = { lastMessage: text, lastMessageAt: at, lastMessageAtMs: epochMs(at) }
  const current = db.select().from(conversations).where(eq(conversations.contactId, contactId)).get()
  if (current) {
    db.update(conversations).set(now).where(eq(conversations.contactId, contactId)).run()
    return { lastMessage: current.lastMessage, lastMessageAt: current.lastMessageAt, lastMessageAtMs: current.lastMessageAtMs }
  }
  // A first message to a contact starts its conversation, on the contact's channel.
  const contact = db.select({ name: contacts.name, type: contacts.type }).from(contacts).where(eq(contacts.id, contactId)).get()
  db.insert(conversations)
    .values({ contactId, contactName: contact?.name ?? '', channel: contact?.type ?? null, ...now, unreadCount: 0 })
    .run()
  return null
}

export function undoReplyInConversation(db: StoreDb, contactId: number, text: string, at: string, before: PreviewBefore | null): void {
  const ours = and(eq(conversations.contactId, contactId), eq(conversations.lastMessage, text), eq(conversations.lastMessageAtMs, epochMs(at)))
  if (before) db.update(conversations).set(before).where(ours).run()
  else db.delete(conversations).where(ours).run()
}
