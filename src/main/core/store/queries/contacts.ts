// The contacts view: filtered, sorted by name, and one contact with all it belongs to.
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm'
import type { StoreDb } from '../db'
import { notFound } from '../errors'
import { contactNotes, contacts, contactTags } from '../schema/contacts'
import { listMembers, lists, segmentMembers, segments } from '../schema/groups'
import { toMatchQuery } from '../search/normalize'
import { clampLimit } from './page'

export interface ContactFilter {
  /** Prefix search over name, phone and email. */
  search?: string
  /** A tag title. */
  tag?: string
  listId?: number
  segmentId?: number
  blacklisted?: boolean
  /** Channel type: whatsapp, telegram, instagram. */
  type?: string
}

export interface ContactItem {
  id: number
  name: string
  email: string | null
  phone: string | null
  type: string | null
  status: string | null
  blacklisted: boolean
  lastMessageAt: string | null
  pending: boolean
}

/** The SQL condition of a filter (shared with the CSV export, so both list the same contacts). */
export function filterWhere(filter: ContactFilter) {
  // Blank search is no filter; a search with nothing searchable in it (only emoji, say) matches nothing.
  const match = filter.search === undefined || filter.search.trim() === '' ? undefined : toMatchQuery(filter.search)
  return and(
    match === undefined ? undefined : match === null ? sql`0` : sql`${contacts.id} IN (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ${match})`,
    filter.tag === undefined
      ? undefined
      : sql`${contacts.id} IN (SELECT contact_id FROM contact_tags WHERE title = ${filter.tag})`,
    filter.listId === undefined
      ? undefined
      : sql`${contacts.id} IN (SELECT contact_id FROM list_members WHERE list_id = ${filter.listId})`,
    filter.segmentId === undefined
      ? undefined
      : sql`${contacts.id} IN (SELECT contact_id FROM segment_members WHERE segment_id = ${filter.segmentId})`,
    filter.blacklisted === undefined ? undefined : eq(contacts.blacklisted, filter.blacklisted),
    filter.type === undefined ? undefined : eq(contacts.type, filter.type),
  )
}

export function contactPage(
  db: StoreDb,
  options: ContactFilter & { limit?: number; offset?: number } = {},
): { items: ContactItem[]; total: number } {
  const where = filterWhere(options)
  const rows = db
    .select()
    .from(contacts)
    .where(where)
    .orderBy(asc(contacts.sortName), asc(contacts.id))
    .limit(clampLimit(options.limit))
    .offset(Math.max(0, options.offset ?? 0))
    .all()
  const total = db.select({ n: count() }).from(contacts).where(where).get()?.n ?? 0
  return {
    items: rows.map(({ sortName: _n, createdAt: _c, updatedAt: _u, unseen: _s, localRevision, ...row }) => ({
      ...row,
      pending: localRevision > 0,
    })),
    total,
  }
}

export interface ContactDetail extends ContactItem {
  createdAt: string | null
  updatedAt: string | null
  tags: string[]
  lists: { id: number; name: string }[]
  segments: { id: number; name: string }[]
  notes: { id: number; content: string; createdAt: string | null; pending: boolean }[]
}

export function getContact(db: StoreDb, contactId: number): ContactDetail {
  const row = db.select().from(contacts).where(eq(contacts.id, contactId)).get()
  if (!row) throw notFound({ kind: 'contact', id: contactId })
  const { sortName: _n, unseen: _s, localRevision, ...fields } = row
  return {
    ...fields,
    pending: localRevision > 0,
    tags: db
      .select({ title: contactTags.title })
      .from(contactTags)
      .where(eq(contactTags.contactId, contactId))
      .orderBy(contactTags.title)
      .all()
      .map((t) => t.title),
    lists: db
      .select({ id: lists.id, name: lists.name })
      .from(lists)
      .where(inArray(lists.id, db.select({ id: listMembers.listId }).from(listMembers).where(eq(listMembers.contactId, contactId))))
      .orderBy(lists.name)
      .all(),
    segments: db
      .select({ id: segments.id, name: segments.name })
      .from(segments)
      .where(
        inArray(segments.id, db.select({ id: segmentMembers.segmentId }).from(segmentMembers).where(eq(segmentMembers.contactId, contactId))),
      )
      .orderBy(segments.name)
      .all(),
    notes: db
      .select()
      .from(contactNotes)
      .where(eq(contactNotes.contactId, contactId))
      .orderBy(sql`${contactNotes.createdAtMs} DESC`, sql`${contactNotes.id} DESC`)
      .all()
      .map((n) => ({ id: n.id, content: n.content, createdAt: n.createdAt, pending: n.localRevision > 0 })),
  }
}

/** Every contact id matching the filter ("select all matching" in the contacts view). */
export function contactIdsMatching(db: StoreDb, filter: ContactFilter): number[] {
  return db.select({ id: contacts.id }).from(contacts).where(filterWhere(filter)).orderBy(asc(contacts.id)).all().map((r) => r.id)
}
