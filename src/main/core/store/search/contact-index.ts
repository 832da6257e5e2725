// Keeps contacts_fts in step with the contacts table. The index is contentless with
// deletes allowed, so a contact is (re)indexed by its id alone.
import { sql } from 'drizzle-orm'
import type { StoreDb } from '../db'
import { sqliteOf } from '../writes/upsert-rows'
import { mergeStep } from './merge-step'
import { normalizeForSearch, phoneSearchText } from './normalize'

export interface IndexedContact {
  id: number
  name: string
  email: string | null
  phone: string | null
}

export function indexContact(db: StoreDb, contact: IndexedContact): void {
  indexContacts(db, [contact])
}

/** (Re)indexes many contacts through one compiled statement. */
export function indexContacts(db: StoreDb, list: readonly IndexedContact[]): void {
  const insert = sqliteOf(db).prepare('INSERT OR REPLACE INTO contacts_fts(rowid, name, email, phone) VALUES (?, ?, ?, ?)')
  for (const c of list) insert.run(c.id, normalizeForSearch(c.name), normalizeForSearch(c.email ?? ''), phoneSearchText(c.phone))
  if (list.length > 0) mergeStep(db, 'contacts_fts')
}

export function unindexContact(db: StoreDb, contactId: number): void {
  db.run(sql`DELETE FROM contacts_fts WHERE rowid = ${contactId}`)
}

export function reindexAllContacts(db: StoreDb): void {
  db.run(sql`DELETE FROM contacts_fts`)
  indexContacts(db, db.all<IndexedContact>(sql`SELECT id, name, email, phone FROM contacts`))
}
