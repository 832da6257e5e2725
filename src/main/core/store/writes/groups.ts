// Tags, lists and segments are read whole and replaced whole.
import { inArray } from 'drizzle-orm'
import type { Group } from '../../skylight/resources/groups'
import type { Tag } from '../../skylight/resources/tags'
import { inTransaction, type StoreDb } from '../db'
import { lists, segments, tags } from '../schema/groups'
import { unsettledIds } from '../queries/unsettled-lanes'
import { replaceCollection, type ReplaceResult } from './replace'
import { upsertRows } from './upsert-rows'

export function replaceTags(db: StoreDb, all: readonly Tag[], sweep = true): ReplaceResult<number> {
  return inTransaction(db, (tx) =>
    replaceCollection(
      all.map((t) => ({ id: t.id, title: t.title, contactsCount: t.contacts_count, createdAt: t.created_at })),
      {
        keyOf: (row) => row.id,
        stored: () => new Map(tx.select().from(tags).all().map((r) => [r.id, r])),
        write: (rows) => upsertRows(tx, tags, rows, tags.id),
        remove: (ids) => tx.delete(tags).where(inArray(tags.id, ids)).run(),
        busy: () => unsettledIds(tx, 'tag'),
      },
      sweep,
    ),
  )
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
