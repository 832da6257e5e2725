// Keeps contacts_fts in step with the contacts table. The index is contentless with
// deletes allowed, so a contact is (re)indexed by its id alone.
import { sql } from 'drizzle-orm'
import type { StoreDb } from '../db'
import { inChunks } from '../writes/upsert-rows'
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

/** (Re)indexes many contacts, a statement per hundred. */
export function indexContacts(db: StoreDb, list: readonly IndexedContact[]): void {
  for (const chunk of inChunks(list)) {
    const values = chunk.map(
      (c) => sql`(${c.id}, ${normalizeForSearch(c.name)}, ${normalizeForSearch(c.email ?? '')}, ${phoneSearchText(c.phone)})`,
    )
    db.run(sql`INSERT OR REPLACE INTO contacts_fts(rowid, name, email, phone) VALUES ${sql.join(values, sql`, `)}`)
  }
}

export function unindexContact(db: StoreDb, contactId: number): void {
  db.run(sql`DELETE FROM contacts_fts WHERE rowid = ${contactId}`)
}

export function reindexAllContacts(db: StoreDb): void {
  db.run(sql`DELETE FROM contacts_fts`)
  indexContacts(db, db.all<IndexedContact>(sql`SELECT id, name, email, phone FROM contacts`))
}
