// A contact's notes, tags and memberships as the outbox changes them before the server
// does. Each returns whether it changed anything, so an undo only undoes what was done.
import { and, desc, eq, lt, sql } from 'drizzle-orm'
import type { StoreDb } from '../db'
import { contactNotes, contactTags } from '../schema/contacts'
import { listMembers, lists, segmentMembers, segments, tags } from '../schema/groups'
import { epochMs } from '../time'
import { nextLocalId } from './local-entities'

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

/**
 * Tags or untags a contact, and counts it on the tag (SkyLight matches titles without
 * regard to case). A title the account has no tag for yet gets a provisional one (a local
 * id, held), so the groups list shows it at once; SkyLight creates the real one with the
 * request, and the refresh after it takes the provisional one's place.
 */
export function setContactTag(db: StoreDb, contactId: number, title: string, present: boolean): boolean {
  const changed = present
    ? db.insert(contactTags).values({ contactId, title }).onConflictDoNothing().run().changes > 0
    : db.delete(contactTags).where(and(eq(contactTags.contactId, contactId), eq(contactTags.title, title))).run().changes > 0
  if (changed) countOnTag(db, title, present ? 1 : -1)
  return changed
}

const sameTitle = (title: string) => sql`lower(${tags.title}) = lower(${title})`

function countOnTag(db: StoreDb, title: string, delta: 1 | -1): void {
  const tag = db.select().from(tags).where(sameTitle(title)).orderBy(desc(tags.id)).get()
  if (!tag) {
    if (delta > 0) db.insert(tags).values({ id: nextLocalId(db, 'tag'), title, contactsCount: 1, createdAt: new Date().toISOString(), localRevision: 1 }).run()
    return
  }
  const count = Math.max(0, (tag.contactsCount ?? 0) + delta)
  // A provisional tag no contact carries any more (its action undone) was never made.
  if (tag.id < 0 && count === 0) db.delete(tags).where(eq(tags.id, tag.id)).run()
  else if (tag.contactsCount !== null) db.update(tags).set({ contactsCount: count }).where(eq(tags.id, tag.id)).run()
}

/** SkyLight now has the tag: its provisional row is released, for the next refresh to replace. */
export function releaseProvisionalTags(db: StoreDb, titles: readonly string[]): void {
  for (const title of titles) db.update(tags).set({ localRevision: 0 }).where(and(lt(tags.id, 0), sameTitle(title))).run()
}

/**
 * Adds or removes a membership, and counts it on the group; false when nothing changed or
 * the group is not stored locally.
 */
export function setMembership(db: StoreDb, kind: 'list' | 'segment', groupId: number, contactId: number, member: boolean): boolean {
  const changed = changeMembership(db, kind, groupId, contactId, member)
  if (changed) {
    const table = kind === 'list' ? lists : segments
    db.update(table)
      .set({ contactsCount: sql`max(0, ${table.contactsCount} + ${member ? 1 : -1})` })
      .where(eq(table.id, groupId))
      .run()
  }
  return changed
}

function changeMembership(db: StoreDb, kind: 'list' | 'segment', groupId: number, contactId: number, member: boolean): boolean {
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
