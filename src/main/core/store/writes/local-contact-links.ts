// A contact's notes, tags and memberships as the outbox changes them before the server
// does. Each returns whether it changed anything, so an undo only undoes what was done.
import { and, eq } from 'drizzle-orm'
import type { StoreDb } from '../db'
import { contactNotes, contactTags } from '../schema/contacts'
import { listMembers, lists, segmentMembers, segments, tags } from '../schema/groups'
import { epochMs } from '../time'

export function insertLocalNote(db: StoreDb, note: { id: number; contactId: number; content: string; createdAt: string }): void {
  db.insert(contactNotes)
    .values({ ...note, createdAtMs: epochMs(note.createdAt), localRevision: 1 })
    .run()
}

/** The server stored the note: it takes the server's id and is released to sync. */
export function confirmLocalNote(db: StoreDb, localId: number, server: { id: number; createdAt: string | null }): void {
  if (localId !== server.id) db.delete(contactNotes).where(eq(contactNotes.id, server.id)).run()
  db.update(contactNotes)
    .set({ id: server.id, localRevision: 0, ...(server.createdAt ? { createdAt: server.createdAt, createdAtMs: epochMs(server.createdAt) } : {}) })
    .where(eq(contactNotes.id, localId))
    .run()
}

export function deleteLocalNote(db: StoreDb, id: number): void {
  db.delete(contactNotes).where(eq(contactNotes.id, id)).run()
}

export function setContactTag(db: StoreDb, contactId: number, title: string, present: boolean): boolean {
  if (present) return db.insert(contactTags).values({ contactId, title }).onConflictDoNothing().run().changes > 0
  return db.delete(contactTags).where(and(eq(contactTags.contactId, contactId), eq(contactTags.title, title))).run().changes > 0
}

/** Adds or removes a membership; false when nothing changed or the group is not stored locally. */
export function setMembership(db: StoreDb, kind: 'list' | 'segment', groupId: number, contactId: number, member: boolean): boolean {
  if (kind === 'list') {
    if (!db.select({ id: lists.id }).from(lists).where(eq(lists.id, groupId)).get()) return false
    if (member) return db.insert(listMembers).values({ listId: groupId, contactId }).onConflictDoNothing().run().changes > 0
    return db.delete(listMembers).where(and(eq(listMembers.listId, groupId), eq(listMembers.contactId, contactId))).run().changes > 0
  }
  if (!db.select({ id: segments.id }).from(segments).where(eq(segments.id, groupId)).get()) return false
  if (member) return db.insert(segmentMembers).values({ segmentId: groupId, contactId }).onConflictDoNothing().run().changes > 0
  return db
    .delete(segmentMembers)
    .where(and(eq(segmentMembers.segmentId, groupId), eq(segmentMembers.contactId, contactId)))
    .run().changes > 0
}

/** The title of a tag as last synced, if known. */
export function tagTitle(db: StoreDb, tagId: number): string | null {
  return db.select({ title: tags.title }).from(tags).where(eq(tags.id, tagId)).get()?.title ?? null
}
