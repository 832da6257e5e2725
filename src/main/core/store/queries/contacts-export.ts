// Every contact matching the contacts view's filter, with its tags, lists and segments, in
// the view's order: what a CSV export of the contacts list writes.
import { asc, sql } from 'drizzle-orm'
import type { StoreDb } from '../db'
import { contacts } from '../schema/contacts'
import { filterWhere, type ContactFilter } from './contacts'

export interface ContactExportRow {
  id: number
  name: string
  phone: string | null
  email: string | null
  type: string | null
  status: string | null
  blacklisted: boolean
  tags: string
  lists: string
  segments: string
  lastMessageAt: string | null
  createdAt: string | null
}

// Names joined with "; " in name order (a group's name may itself hold a comma).
const joined = (from: string, nameCol: string, where: string) =>
  sql.raw(`(SELECT group_concat(n, '; ') FROM (SELECT ${nameCol} AS n FROM ${from} WHERE ${where} ORDER BY ${nameCol}))`)

export function contactsForExport(db: StoreDb, filter: ContactFilter): ContactExportRow[] {
  return db
    .select({
      id: contacts.id,
      name: contacts.name,
      phone: contacts.phone,
      email: contacts.email,
      type: contacts.type,
      status: contacts.status,
      blacklisted: contacts.blacklisted,
      tags: sql<string | null>`${joined('contact_tags t', 't.title', 't.contact_id = "contacts"."id"')}`,
      lists: sql<string | null>`${joined('list_members m JOIN lists l ON l.id = m.list_id', 'l.name', 'm.contact_id = "contacts"."id"')}`,
      segments: sql<string | null>`${joined('segment_members m JOIN segments s ON s.id = m.segment_id', 's.name', 'm.contact_id = "contacts"."id"')}`,
      lastMessageAt: contacts.lastMessageAt,
      createdAt: contacts.createdAt,
    })
    .from(contacts)
    .where(filterWhere(filter))
    .orderBy(asc(contacts.sortName), asc(contacts.id))
    .all()
    .map((row) => ({ ...row, tags: row.tags ?? '', lists: row.lists ?? '', segments: row.segments ?? '' }))
}
