// A contact's notes are few and read whole.
import { and, eq, inArray } from 'drizzle-orm'
import type { Note } from '../../skylight/resources/contacts'
import { inTransaction, type StoreDb } from '../db'
import { notFound } from '../errors'
import { contactNotes, contacts } from '../schema/contacts'
import { epochMs } from '../time'
import { replaceCollection, type ReplaceResult } from './replace'
import { upsertRows } from './upsert-rows'

export function replaceContactNotes(db: StoreDb, contactId: number, all: readonly Note[]): ReplaceResult<number> {
  return inTransaction(db, (tx) => {
    if (!tx.select({ id: contacts.id }).from(contacts).where(eq(contacts.id, contactId)).get()) {
      throw notFound({ kind: 'contact', id: contactId })
    }
    const scope = eq(contactNotes.contactId, contactId)
    return replaceCollection(
      all.map((n) => ({ id: n.id, contactId, content: n.content, createdAt: n.created_at, createdAtMs: epochMs(n.created_at) })),
      {
        keyOf: (row) => row.id,
        stored: () => new Map(tx.select().from(contactNotes).where(scope).all().map((r) => [r.id, r])),
        write: (rows) => upsertRows(tx, contactNotes, rows, contactNotes.id),
        remove: (ids) => tx.delete(contactNotes).where(and(scope, inArray(contactNotes.id, ids))).run(),
      },
    )
  })
}
