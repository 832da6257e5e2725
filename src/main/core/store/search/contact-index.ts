// Keeps contacts_fts in step with the contacts table. The index is contentless with
// deletes allowed, so a contact is (re)indexed by its id alone.
import { sql } from 'drizzle-orm'
import type { StoreDb } from '../db'
import { normalizeForSearch, phoneSearchText } from './normalize'

export interface IndexedContact {
  id: number
  name: string
  email: string | null
  phone: string | null
}

export function indexContact(db: StoreDb, contact: IndexedContact): void {
  db.run(sql`INSERT OR REPLACE INTO contacts_fts(rowid, name, email, phone) VALUES (
    ${contact.id},
    ${normalizeForSearch(contact.name)},
    ${normalizeForSearch(contact.email ?? '')},
    ${phoneSearchText(contact.phone)}
  )`)
}

export function unindexContact(db: StoreDb, contactId: number): void {
  db.run(sql`DELETE FROM contacts_fts WHERE rowid = ${contactId}`)
}

export function reindexAllContacts(db: StoreDb): void {
  db.run(sql`DELETE FROM contacts_fts`)
  const rows = db.all<IndexedContact>(sql`SELECT id, name, email, phone FROM contacts`)
  for (const row of rows) indexContact(db, row)
}
