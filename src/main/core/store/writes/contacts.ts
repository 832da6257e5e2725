// Writes of contacts as sync receives them, and the contact rows other resources need.
import { eq, inArray, sql } from 'drizzle-orm'
import type { Contact } from '../../skylight/resources/contacts'
import { inTransaction, type StoreDb } from '../db'
import { contacts, contactTags } from '../schema/contacts'
import { messages } from '../schema/messages'
import { indexContact, unindexContact } from '../search/contact-index'
import { foldForComparison } from '../search/normalize'
import { unindexMessage } from '../search/message-index'
import { partition, type PageWrite } from './partition'

type ContactRow = typeof contacts.$inferInsert & { id: number; tags: string[] }

function toRow(contact: Contact): ContactRow {
  return {
    id: contact.id,
    name: contact.name,
    sortName: foldForComparison(contact.name),
    email: contact.email,
    phone: contact.phone,
    type: contact.type,
    status: contact.status,
    blacklisted: contact.blacklisted,
    lastMessageAt: contact.last_message_at,
    createdAt: contact.created_at,
    updatedAt: contact.updated_at,
    // Sorted and unique, so the same tags in another order are "unchanged".
    tags: [...new Set(contact.tags)].sort(),
  }
}

function storedContacts(db: StoreDb, ids: number[]) {
  const rows = db.select().from(contacts).where(inArray(contacts.id, ids)).all()
  const tagRows = db.select().from(contactTags).where(inArray(contactTags.contactId, ids)).all()
  const tagsOf = new Map<number, string[]>()
  for (const { contactId, title } of tagRows) tagsOf.set(contactId, [...(tagsOf.get(contactId) ?? []), title])
  return new Map(rows.map((row) => [row.id, { ...row, tags: (tagsOf.get(row.id) ?? []).sort() }]))
}

/** One page of /contacts, in one transaction; contacts with local changes are left alone. */
export function upsertContacts(db: StoreDb, page: readonly Contact[]): PageWrite<number> {
  return inTransaction(db, (tx) => {
    const incoming = page.map(toRow)
    const { insert, update, result } = partition(incoming, (row) => row.id, storedContacts(tx, incoming.map((r) => r.id)))
    for (const { tags, ...values } of [...insert, ...update]) {
      const row = { ...values, unseen: false }
      tx.insert(contacts).values(row).onConflictDoUpdate({ target: contacts.id, set: row }).run()
      tx.delete(contactTags).where(eq(contactTags.contactId, values.id)).run()
      if (tags.length > 0) tx.insert(contactTags).values(tags.map((title) => ({ contactId: values.id, title }))).run()
      indexContact(tx, { id: values.id, name: values.name, email: values.email ?? null, phone: values.phone ?? null })
    }
    if (result.unchanged.length > 0) {
      tx.update(contacts).set({ unseen: false }).where(inArray(contacts.id, result.unchanged)).run()
    }
    return result
  })
}

export interface ContactStub {
  id: number
  name?: string | null
  phone?: string | null
  type?: string | null
}

/**
 * Makes sure the contacts that conversations, messages and memberships point at exist,
 * creating a minimal row from what that resource knows. An existing contact is never
 * changed here: the contacts page is the authority on its fields.
 */
export function ensureContacts(db: StoreDb, stubs: readonly ContactStub[]): void {
  if (stubs.length === 0) return
  const known = new Set(
    db
      .select({ id: contacts.id })
      .from(contacts)
      .where(inArray(contacts.id, stubs.map((s) => s.id)))
      .all()
      .map((r) => r.id),
  )
  for (const stub of stubs) {
    if (known.has(stub.id)) continue
    known.add(stub.id)
    const name = stub.name ?? ''
    const row = { id: stub.id, name, sortName: foldForComparison(name), phone: stub.phone ?? null, type: stub.type ?? null, blacklisted: false }
    db.insert(contacts).values(row).run()
    indexContact(db, { id: row.id, name: row.name, email: null, phone: row.phone })
  }
}

/**
 * Deletes contacts with everything that hangs off them. Their messages leave the search
 * index first: the foreign-key cascade removes the rows but cannot tell FTS5.
 */
export function deleteContacts(db: StoreDb, ids: readonly number[]): number {
  if (ids.length === 0) return 0
  return inTransaction(db, (tx) => {
    const doomed = tx
      .select({ rowId: messages.rowId, content: messages.content })
      .from(messages)
      .where(inArray(messages.contactId, [...ids]))
      .all()
    for (const message of doomed) unindexMessage(tx, message)
    for (const id of ids) unindexContact(tx, id)
    return tx.run(sql`DELETE FROM contacts WHERE id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`).changes
  })
}
