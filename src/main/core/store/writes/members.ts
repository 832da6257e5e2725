// Which contacts belong to a list or a segment, page by page from their /members.
import { and, eq } from 'drizzle-orm'
import type { Member } from '../../skylight/resources/groups'
import { inTransaction, type StoreDb } from '../db'
import { notFound } from '../errors'
import { listMembers, lists, segmentMembers, segments } from '../schema/groups'
import { withoutPendingDeletes } from '../queries/pending-deletes'
import { ensureContacts } from './contacts'
import { inIds, insertRows } from './upsert-rows'

const groups = {
  list: { label: 'List', groups: lists, members: listMembers, groupColumn: listMembers.listId, key: 'listId' },
  segment: { label: 'Segment', groups: segments, members: segmentMembers, groupColumn: segmentMembers.segmentId, key: 'segmentId' },
} as const

function upsertMembers(db: StoreDb, kind: keyof typeof groups, groupId: number, page: readonly Member[]): number {
  const g = groups[kind]
  return inTransaction(db, (tx) => {
    if (!tx.select({ id: g.groups.id }).from(g.groups).where(eq(g.groups.id, groupId)).get()) throw notFound({ kind, id: groupId })
    const members = withoutPendingDeletes(tx, 'contact', page, (m) => m.id)
    ensureContacts(tx, members)
    const ids = [...new Set(members.map((m) => m.id))]
    insertRows(tx, g.members, ids.map((contactId) => ({ [g.key]: groupId, contactId })), true)
    if (ids.length > 0) {
      tx.update(g.members)
        .set({ unseen: false })
        .where(and(eq(g.groupColumn, groupId), inIds(g.members.contactId, ids)))
        .run()
    }
    return ids.length
  })
}

/** Returns the number of members written. The list must have been saved first. */
export function upsertListMembers(db: StoreDb, listId: number, page: readonly Member[]): number {
  return upsertMembers(db, 'list', listId, page)
}

/** Returns the number of members written. The segment must have been saved first. */
export function upsertSegmentMembers(db: StoreDb, segmentId: number, page: readonly Member[]): number {
  return upsertMembers(db, 'segment', segmentId, page)
}
