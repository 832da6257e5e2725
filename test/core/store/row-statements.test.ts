// The compiled row statements sync writes through, on a real store file: they must write
// what drizzle would have (booleans, JSON columns, nulls), inside drizzle's transactions.
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { inTransaction } from '../../../src/main/core/store'
import { campaigns } from '../../../src/main/core/store/schema/campaigns'
import { contacts, contactTags } from '../../../src/main/core/store/schema/contacts'
import { messages } from '../../../src/main/core/store/schema/messages'
import { insertRows, insertRowsReturningIds, sqliteOf, upsertRows } from '../../../src/main/core/store/writes/upsert-rows'
import { campaignRow } from '../../../src/main/core/store/writes/campaigns'
import { apiCampaign, openTempStore } from './helpers'

const contact = (id: number, name: string, blacklisted = false) => ({ id, name, sortName: name.toLowerCase(), phone: null, blacklisted })

describe('row statements', () => {
  it('reach the same connection from the database and from a transaction', () => {
    const store = openTempStore()
    expect(sqliteOf(store.db)).toBe(store.sqlite)
    inTransaction(store.db, (tx) => expect(sqliteOf(tx)).toBe(store.sqlite))
  })

  it('upsert: insert new rows, update the carried columns of existing ones, map booleans', () => {
    const { db } = openTempStore()
    upsertRows(db, contacts, [contact(1, 'Amal'), contact(2, 'Omar', true)], contacts.id)
    upsertRows(db, contacts, [contact(2, 'Omar K', false)], contacts.id)
    const rows = db.select({ id: contacts.id, name: contacts.name, blacklisted: contacts.blacklisted }).from(contacts).all()
    expect(rows).toEqual([
      { id: 1, name: 'Amal', blacklisted: false },
      { id: 2, name: 'Omar K', blacklisted: false },
    ])
  })

  it('store JSON columns as drizzle reads them back, and nulls as nulls', () => {
    const { db } = openTempStore()
    const row = { ...campaignRow(apiCampaign({ id: 7, name: 'Launch', contact_ids: [3, 4], list_ids: [], segment_ids: [9] })), isNewNumber: true, message: null }
    upsertRows(db, campaigns, [row], campaigns.id)
    const stored = db.select().from(campaigns).where(eq(campaigns.id, 7)).get()!
    expect(stored).toMatchObject({ contactIds: [3, 4], listIds: [], segmentIds: [9], isNewNumber: true, message: null })
  })

  it('insert can skip rows whose key exists, and returns new row ids in order', () => {
    const { db } = openTempStore()
    upsertRows(db, contacts, [contact(1, 'Amal')], contacts.id)
    insertRows(db, contactTags, [{ contactId: 1, title: 'vip' }])
    expect(() => insertRows(db, contactTags, [{ contactId: 1, title: 'vip' }])).toThrow()
    insertRows(db, contactTags, [{ contactId: 1, title: 'vip' }, { contactId: 1, title: 'new' }], true)
    expect(db.select().from(contactTags).all().map((t) => t.title).sort()).toEqual(['new', 'vip'])

    const base = { contactId: 1, direction: 'inbound', channel: 'whatsapp', status: 'read', sortAtMs: 1 }
    const ids = insertRowsReturningIds(db, messages, [
      { ...base, serverId: 10, content: 'one' },
      { ...base, serverId: 11, content: 'two' },
    ])
    const byRowId = new Map(db.select({ rowId: messages.rowId, content: messages.content }).from(messages).all().map((m) => [m.rowId, m.content]))
    expect(ids.map((id) => byRowId.get(id))).toEqual(['one', 'two'])
  })

  it('roll back with the transaction they ran in', () => {
    const { db } = openTempStore()
    expect(() =>
      inTransaction(db, (tx) => {
        upsertRows(tx, contacts, [contact(1, 'Amal')], contacts.id)
        throw new Error('page failed halfway')
      }),
    ).toThrow('page failed halfway')
    expect(db.select().from(contacts).all()).toEqual([])
  })
})
