// Tags, lists and segments the user creates, renames or deletes before SkyLight has: the
// row made offline (negative id) and its re-keying, and what a tag's title is to contacts.
// The API names a contact's tags by title (contact_tags), not by a key the database can
// cascade, so renaming or deleting a tag carries its contacts' titles along by hand.
import { count, eq, sql } from 'drizzle-orm'
import type { Group } from '../../skylight/resources/groups'
import type { Tag } from '../../skylight/resources/tags'
import type { StoreDb } from '../db'
import { contactTags } from '../schema/contacts'
import { listMembers, lists, segmentMembers, segments, tags } from '../schema/groups'

export type GroupKind = 'tag' | 'list' | 'segment'

/** A tag, list or segment created offline, held for the outbox (localRevision 1). */
export function insertLocalGroup(db: StoreDb, kind: GroupKind, id: number, name: string): void {
  const base = { id, contactsCount: 0, createdAt: null, localRevision: 1 }
  if (kind === 'tag') db.insert(tags).values({ ...base, title: name }).run()
  else db.insert(kind === 'list' ? lists : segments).values({ ...base, name, status: 1 }).run()
}

/**
 * The server made it: the local row takes the server's id (a list's or segment's members
 * follow by the foreign key's cascade) and, unless a later queued rename still holds it,
 * the server's fields. A copy sync stored meanwhile gives way to the row the outbox holds.
 */
export function rekeyGroup(db: StoreDb, kind: GroupKind, localId: number, server: Tag | Group): void {
  const table = kind === 'tag' ? tags : kind === 'list' ? lists : segments
  const local = db.select({ rev: table.localRevision }).from(table).where(eq(table.id, localId)).get()
  if (!local) return
  if (localId !== server.id) db.delete(table).where(eq(table.id, server.id)).run()
  const fields =
    'title' in server
      ? { title: server.title, contactsCount: server.contacts_count, createdAt: server.created_at }
      : { name: server.name, status: server.status, contactsCount: server.contacts_count, createdAt: server.created_at }
  db.update(table)
    .set((local.rev <= 1 ? { id: server.id, ...fields } : { id: server.id }) as never)
    .where(eq(table.id, localId))
    .run()
}

/** Gives every contact tagged `from` the title `to` instead; returns the contacts it moved. */
export function retitleContactTags(db: StoreDb, from: string, to: string): number[] {
  if (from === to) return []
  const moved = db.select({ contactId: contactTags.contactId }).from(contactTags).where(eq(contactTags.title, from)).all().map((r) => r.contactId)
  // A contact that already carries `to` keeps one of it.
  db.run(sql`UPDATE OR IGNORE contact_tags SET title = ${to} WHERE title = ${from}`)
  db.delete(contactTags).where(eq(contactTags.title, from)).run()
  return moved
}

/** Takes a title off every contact, returning the rows to put back if the delete is refused. */
export function takeContactTags(db: StoreDb, title: string): { contactId: number; title: string }[] {
  const rows = db.select().from(contactTags).where(eq(contactTags.title, title)).all()
  db.delete(contactTags).where(eq(contactTags.title, title)).run()
  return rows
}

export function putBackContactTags(db: StoreDb, rows: readonly { contactId: number; title: string }[]): void {
  if (rows.length === 0) return
  // Contacts deleted meanwhile are left out rather than failing the whole put-back.
  for (const row of rows) db.run(sql`INSERT OR IGNORE INTO contact_tags (contact_id, title) SELECT ${row.contactId}, ${row.title} WHERE EXISTS (SELECT 1 FROM contacts WHERE id = ${row.contactId})`)
}

/** How many contacts of the local copy carry this tag or belong to this list or segment. */
export function groupContactCount(db: StoreDb, kind: GroupKind, id: number): number {
  if (kind === 'tag') {
    const title = db.select({ title: tags.title }).from(tags).where(eq(tags.id, id)).get()?.title
    if (title === undefined) return 0
    return db.select({ n: count() }).from(contactTags).where(eq(contactTags.title, title)).get()?.n ?? 0
  }
  if (kind === 'list') return db.select({ n: count() }).from(listMembers).where(eq(listMembers.listId, id)).get()?.n ?? 0
  return db.select({ n: count() }).from(segmentMembers).where(eq(segmentMembers.segmentId, id)).get()?.n ?? 0
}

/** The group's name as the local copy has it (a tag's title), or null when it is not stored. */
export function groupName(db: StoreDb, kind: GroupKind, id: number): string | null {
  if (kind === 'tag') return db.select({ name: tags.title }).from(tags).where(eq(tags.id, id)).get()?.name ?? null
  const table = kind === 'list' ? lists : segments
  return db.select({ name: table.name }).from(table).where(eq(table.id, id)).get()?.name ?? null
}
