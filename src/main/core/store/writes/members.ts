// Which contacts belong to a list or a segment, page by page from their /members.
import { and, eq, inArray } from 'drizzle-orm'
import type { Member } from '../../skylight/resources/groups'
import { inTransaction, type StoreDb } from '../db'
import { notFound } from '../errors'
import { listMembers, lists, segmentMembers, segments } from '../schema/groups'
import { ensureContacts } from './contacts'

/** Returns the number of members written. The list must have been saved first. */
export function upsertListMembers(db: StoreDb, listId: number, page: readonly Member[]): number {
  return inTransaction(db, (tx) => {
    if (!tx.select({ id: lists.id }).from(lists).where(eq(lists.id, listId)).get()) throw notFound(`List ${listId}`)
    ensureContacts(tx, page)
    const ids = [...new Set(page.map((m) => m.id))]
    for (const contactId of ids) {
      tx.insert(listMembers).values({ listId, contactId }).onConflictDoNothing().run()
    }
    if (ids.length > 0) {
      tx.update(listMembers)
        .set({ unseen: false })
        .where(and(eq(listMembers.listId, listId), inArray(listMembers.contactId, ids)))
        .run()
    }
    return ids.length
  })
}

export function upsertSegmentMembers(db: StoreDb, segmentId: number, page: readonly Member[]): number {
  return inTransaction(db, (tx) => {
    if (!tx.select({ id: segments.id }).from(segments).where(eq(segments.id, segmentId)).get()) {
      throw notFound(`Segment ${segmentId}`)
    }
    ensureContacts(tx, page)
    const ids = [...new Set(page.map((m) => m.id))]
    for (const contactId of ids) {
      tx.insert(segmentMembers).values({ segmentId, contactId }).onConflictDoNothing().run()
    }
    if (ids.length > 0) {
      tx.update(segmentMembers)
        .set({ unseen: false })
        .where(and(eq(segmentMembers.segmentId, segmentId), inArray(segmentMembers.contactId, ids)))
        .run()
    }
    return ids.length
  })
}
