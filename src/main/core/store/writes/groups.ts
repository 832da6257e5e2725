// Tags, lists and segments are read whole and replaced whole.
import { and, inArray, lt, sql } from 'drizzle-orm'
import type { Group } from '../../skylight/resources/groups'
import type { Tag } from '../../skylight/resources/tags'
import { inTransaction, type StoreDb } from '../db'
import { lists, segments, tags } from '../schema/groups'
import { unsettledIds } from '../queries/unsettled-lanes'
import { replaceCollection, type ReplaceResult } from './replace'
import { upsertRows } from './upsert-rows'

export function replaceTags(db: StoreDb, all: readonly Tag[], sweep = true): ReplaceResult<number> {
  return inTransaction(db, (tx) => {
    // SkyLight has the tag now: the provisional one the app made for the title (a local id,
    // see setContactTag) gives way, even while its action is still held, or both would show.
    const titles = all.map((t) => t.title.toLowerCase())
    if (titles.length > 0) tx.delete(tags).where(and(lt(tags.id, 0), inArray(sql`lower(${tags.title})`, titles))).run()
    return replaceCollection(
      all.map((t) => ({ id: t.id, title: t.title, contactsCount: t.contacts_count, createdAt: t.created_at })),
      {
        keyOf: (row) => row.id,
        stored: () => new Map(tx.select().from(tags).all().map((r) => [r.id, r])),
        write: (rows) => upsertRows(tx, tags, rows, tags.id),
        remove: (ids) => tx.delete(tags).where(inArray(tags.id, ids)).run(),
        busy: () => unsettledIds(tx, 'tag'),
      },
      sweep,
    )
  })
}

const groupRow = (g: Group) => ({ id: g.id, name: g.name, status: g.status, contactsCount: g.contacts_count, createdAt: g.created_at })

/** Removing a list also removes its memberships (foreign-key cascade). */
export function replaceLists(db: StoreDb, all: readonly Group[], sweep = true): ReplaceResult<number> {
  return inTransaction(db, (tx) =>
    replaceCollection(all.map(groupRow), {
      keyOf: (row) => row.id,
      stored: () => new Map(tx.select().from(lists).all().map((r) => [r.id, r])),
      write: (rows) => upsertRows(tx, lists, rows, lists.id),
      remove: (ids) => tx.delete(lists).where(inArray(lists.id, ids)).run(),
      busy: () => unsettledIds(tx, 'list'),
    }, sweep),
  )
}

export function replaceSegments(db: StoreDb, all: readonly Group[], sweep = true): ReplaceResult<number> {
  return inTransaction(db, (tx) =>
    replaceCollection(all.map(groupRow), {
      keyOf: (row) => row.id,
      stored: () => new Map(tx.select().from(segments).all().map((r) => [r.id, r])),
      write: (rows) => upsertRows(tx, segments, rows, segments.id),
      remove: (ids) => tx.delete(segments).where(inArray(segments.id, ids)).run(),
      busy: () => unsettledIds(tx, 'segment'),
    }, sweep),
  )
}
