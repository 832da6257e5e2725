// Writes of contacts as sync receives them, and the contact rows other resources need.
import { sql } from 'drizzle-orm'
import type { Contact } from '../../skylight/resources/contacts'
import { inTransaction, type StoreDb } from '../db'
import { contacts, contactTags } from '../schema/contacts'
import { messages } from '../schema/messages'
import { indexContacts, unindexContact } from '../search/contact-index'
import { foldForComparison } from '../search/normalize'
import { unindexMessage } from '../search/message-index'
import { withoutPendingDeletes } from '../queries/pending-deletes'
import { partition, type PageWrite } from './partition'
import { inIds, insertRows, upsertRows } from './upsert-rows'

type ContactRow = typeof contacts.$inferInsert & { id: number; tags: string[] }

export function contactRow(contact: Contact): ContactRow {
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
  const rows = db.select().from(contacts).where(inIds(contacts.id, ids)).all()
  const tagRows = db.select().from(contactTags).where(inIds(contactTags.contactId, ids)).all()
  const tagsOf = new Map<number, string[]>()
  for (const { contactId, title } of tagRows) tagsOf.set(contactId, [...(tagsOf.get(contactId) ?? []), title])
  return new Map(rows.map((row) => [row.id, { ...row, tags: (tagsOf.get(row.id) ?? []).sort() }]))
}

/** One page of /contacts, in one transaction; contacts with local changes are left alone. */
export function upsertContacts(db: StoreDb, page: readonly Contact[]): PageWrite<number> {
  return inTransaction(db, (tx) => {
    const incoming = withoutPendingDeletes(tx, 'contact', page, (c) => c.id).map(contactRow)
    const { insert, update, result } = partition(incoming, (row) => row.id, storedContacts(tx, incoming.map((r) => r.id)))
    const changed = [...insert, ...update]
    upsertRows(tx, contacts, changed.map(({ tags: _tags, ...values }) => ({ ...values, unseen: false })), contacts.id)
    if (changed.length > 0) tx.delete(contactTags).where(inIds(contactTags.contactId, changed.map((c) => c.id))).run()
    insertRows(tx, contactTags, changed.flatMap((c) => c.tags.map((title) => ({ contactId: c.id, title }))))
    indexContacts(tx, changed.map((c) => ({ id: c.id, name: c.name, email: c.email ?? null, phone: c.phone ?? null })))
    if (result.unchanged.length > 0) {
      tx.update(contacts).set({ unseen: false }).where(inIds(contacts.id, result.unchanged)).run()
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
      .where(inIds(contacts.id, stubs.map((s) => s.id)))
      .all()
      .map((r) => r.id),
  )
  const rows = []
  for (const stub of stubs) {
    if (known.has(stub.id)) continue
    known.add(stub.id)
    const name = stub.name ?? ''
    rows.push({ id: stub.id, name, sortName: foldForComparison(name), phone: stub.phone ?? null, type: stub.type ?? null, blacklisted: false })
  }
  insertRows(db, contacts, rows)
  indexContacts(db, rows.map((r) => ({ id: r.id, name: r.name, email: null, phone: r.phone })))
}

/**
 * The conversation list carries each contact's current name: a contact renamed elsewhere
 * takes it at the next poll instead of at the next full pass. Contacts with changes queued
 * here keep theirs; an empty name says nothing. Returns the ids renamed.
 */
export function renameFromConversations(db: StoreDb, names: readonly { id: number; name: string }[]): number[] {
  const wanted = names.filter((n) => n.name.trim() !== '')
  if (wanted.length === 0) return []
  const stored = new Map(
    db
      .select({ id: contacts.id, name: contacts.name, email: contacts.email, phone: contacts.phone, localRevision: contacts.localRevision })
      .from(contacts)
      .where(inIds(contacts.id, wanted.map((n) => n.id)))
      .all()
      .map((r) => [r.id, r]),
  )
  const renamed: { id: number; name: string; email: string | null; phone: string | null }[] = []
  for (const { id, name } of wanted) {
    const row = stored.get(id)
    if (!row || row.localRevision > 0 || row.name === name) continue
    db.update(contacts).set({ name, sortName: foldForComparison(name) }).where(sql`${contacts.id} = ${id}`).run()
    renamed.push({ id, name, email: row.email, phone: row.phone })
  }
  indexContacts(db, renamed)
  return renamed.map((r) => r.id)
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
      .where(inIds(messages.contactId, ids))
      .all()
    for (const message of doomed) unindexMessage(tx, message)
    for (const id of ids) unindexContact(tx, id)
    return tx.run(sql`DELETE FROM contacts WHERE id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`).changes
  })
}
