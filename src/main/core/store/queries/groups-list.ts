// Tags, lists and segments by name, for filters, the contact detail and the campaign audience.
import { asc } from 'drizzle-orm'
import type { StoreDb } from '../db'
import { lists, segments, tags } from '../schema/groups'

export interface GroupRow {
  id: number
  name: string
  contactsCount: number | null
}

export function groupsList(db: StoreDb): { tags: GroupRow[]; lists: GroupRow[]; segments: GroupRow[] } {
  return {
    tags: db
      .select({ id: tags.id, name: tags.title, contactsCount: tags.contactsCount })
      .from(tags)
      .orderBy(asc(tags.title))
      .all(),
    lists: db.select({ id: lists.id, name: lists.name, contactsCount: lists.contactsCount }).from(lists).orderBy(asc(lists.name)).all(),
    segments: db
      .select({ id: segments.id, name: segments.name, contactsCount: segments.contactsCount })
      .from(segments)
      .orderBy(asc(segments.name))
      .all(),
  }
}
