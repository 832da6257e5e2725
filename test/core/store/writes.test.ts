import { describe, expect, it } from 'vitest'
import {
  confirmLocalMessage,
  contactPage,
  conversationPage,
  getContact,
  getSyncState,
  holdForLocalChange,
  insertLocalMessage,
  markAll,
  markSlice,
  mediaPage,
  releaseLocalChange,
  replaceCampaigns,
  replaceContactNotes,
  replaceLists,
  replaceTags,
  saveSyncState,
  searchContacts,
  searchMessages,
  setMediaCachePath,
  setContactTag,
  sweepUnseen,
  threadPage,
  upsertCampaignContacts,
  upsertContacts,
  upsertConversations,
  upsertListMembers,
  upsertMedia,
  upsertMessages,
} from '../../../src/main/core/store'
import { tags } from '../../../src/main/core/store/schema/groups'
import {
  apiCampaign,
  apiCampaignContact,
  apiContact,
  apiConversation,
  apiGroup,
  apiMedia,
  apiMember,
  apiMessage,
  at,
  openTempStore,
} from './helpers'

const contactsPage = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => apiContact({ id: from + i, name: `Contact ${from + i}`, tags: ['t'] }))

const count = (store: ReturnType<typeof openTempStore>, table: string) =>
  (store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n

describe('upserts', () => {
  it('are idempotent and report what was new, changed or already known', () => {
    const store = openTempStore()
    const page = contactsPage(1, 5)
    expect(upsertContacts(store.db, page)).toEqual({ inserted: [1, 2, 3, 4, 5], updated: [], unchanged: [], skipped: [] })
    expect(upsertContacts(store.db, page)).toEqual({ inserted: [], updated: [], unchanged: [1, 2, 3, 4, 5], skipped: [] })
    // Same tags in another order are not a change; a new tag is.
    const retagged = apiContact({ id: 2, name: 'Contact 2', tags: ['t', 'new'] })
    expect(upsertContacts(store.db, [retagged]).updated).toEqual([2])
    expect(getContact(store.db, 2).tags).toEqual(['new', 't'])
    expect(count(store, 'contacts')).toBe(5)
    expect(count(store, 'contact_tags')).toBe(6)
  })

  it('pages that overlap by a few rows produce no duplicates', () => {
    const store = openTempStore()
    // Newest-first pages shift when something new arrives between requests.
    upsertContacts(store.db, contactsPage(1, 20))
    upsertContacts(store.db, contactsPage(17, 36))
    upsertContacts(store.db, contactsPage(33, 40))
    expect(count(store, 'contacts')).toBe(40)
    expect(searchContacts(store.db, { query: 'Contact 17' }).map((c) => c.id)).toEqual([17])

    const conv = (id: number, minute: number) =>
      apiConversation({ contact_id: id, contact_name: `Contact ${id}`, channel: 'whatsapp', last_message: `hi ${minute}`, last_message_at: at(minute) })
    upsertConversations(store.db, [conv(1, 50), conv(2, 40), conv(3, 30)])
    const second = upsertConversations(store.db, [conv(3, 30), conv(4, 20), conv(5, 10)])
    expect(second).toMatchObject({ inserted: [4, 5], unchanged: [3] })
    expect(conversationPage(store.db).items.map((c) => c.contactId)).toEqual([1, 2, 3, 4, 5])

    const msg = (id: number) => apiMessage({ id, content: `message ${id}`, sent_at: at(id) })
    upsertMessages(store.db, 1, [msg(1), msg(2), msg(3)])
    upsertMessages(store.db, 1, [msg(3), msg(2), msg(4)])
    expect(threadPage(store.db, { contactId: 1 }).items.map((m) => m.serverId)).toEqual([4, 3, 2, 1])
    expect(searchMessages(store.db, { query: 'message' })).toHaveLength(4)

    upsertMedia(store.db, [apiMedia({ id: 1, name: 'a', created_at: at(1) }), apiMedia({ id: 2, name: 'b', created_at: at(2) })])
    upsertMedia(store.db, [apiMedia({ id: 2, name: 'b', created_at: at(2) }), apiMedia({ id: 3, name: 'c', created_at: at(3) })])
    expect(mediaPage(store.db).items.map((m) => m.id)).toEqual([3, 2, 1])
  })

  it('keeps rows with local changes as the user left them', () => {
    const store = openTempStore()
    upsertContacts(store.db, [apiContact({ id: 1, name: 'Old name', phone: '+1 555' })])
    store.sqlite.prepare(`UPDATE contacts SET name = 'Renamed offline' WHERE id = 1`).run()
    expect(holdForLocalChange(store.db, { kind: 'contact', id: 1 })).toBe(1)

    const result = upsertContacts(store.db, [apiContact({ id: 1, name: 'Server name' }), apiContact({ id: 2, name: 'Other' })])
    expect(result).toMatchObject({ skipped: [1], inserted: [2] })
    expect(getContact(store.db, 1)).toMatchObject({ name: 'Renamed offline', pending: true })

    // Once the outbox is done, sync may write it again.
    expect(releaseLocalChange(store.db, { kind: 'contact', id: 1 })).toBe(0)
    upsertContacts(store.db, [apiContact({ id: 1, name: 'Server name' })])
    expect(getContact(store.db, 1)).toMatchObject({ name: 'Server name', pending: false })

    // Messages, conversations, media and small collections are protected the same way.
    upsertMessages(store.db, 1, [apiMessage({ id: 9, content: 'draft', status: 'sent', sent_at: at(1) })])
    const rowId = threadPage(store.db, { contactId: 1 }).items[0]!.rowId
    holdForLocalChange(store.db, { kind: 'message', id: rowId })
    expect(upsertMessages(store.db, 1, [apiMessage({ id: 9, content: 'changed', sent_at: at(1) })]).skipped).toEqual([9])
    expect(threadPage(store.db, { contactId: 1 }).items[0]).toMatchObject({ content: 'draft', pending: true })

    upsertConversations(store.db, [apiConversation({ contact_id: 1, unread_count: 3 })])
    holdForLocalChange(store.db, { kind: 'conversation', id: 1 }) // marked read offline
    upsertConversations(store.db, [apiConversation({ contact_id: 1, unread_count: 4 })])
    expect(conversationPage(store.db).items[0]).toMatchObject({ unreadCount: 3, pending: true })

    replaceTags(store.db, [{ id: 1, title: 'kept', contacts_count: null, created_at: null }])
    holdForLocalChange(store.db, { kind: 'tag', id: 1 })
    expect(replaceTags(store.db, [])).toMatchObject({ removed: [] })
    expect(() => holdForLocalChange(store.db, { kind: 'media', id: 77 })).toThrowError(/not in the local copy/)
  })

  it('a tag SkyLight now has takes the place of the provisional one the app made for it, held or not', () => {
    const store = openTempStore()
    upsertContacts(store.db, [apiContact({ id: 1, name: 'Layla' })])
    setContactTag(store.db, 1, 'VIP', true) // a title the account had no tag for: provisional
    const provisional = store.db.select().from(tags).all()
    expect(provisional).toMatchObject([{ title: 'VIP', contactsCount: 1 }])
    expect(provisional[0]!.id).toBeLessThan(0)
    // The refresh reads SkyLight's tag while the action that made it is still held.
    replaceTags(store.db, [{ id: 40, title: 'vip', contacts_count: 1, created_at: null }])
    expect(store.db.select({ id: tags.id, title: tags.title }).from(tags).all()).toEqual([{ id: 40, title: 'vip' }])
  })

  it('replaces small collections whole: writes what came, removes what did not', () => {
    const store = openTempStore()
    replaceLists(store.db, [apiGroup({ id: 1, name: 'A' }), apiGroup({ id: 2, name: 'B' })])
    upsertListMembers(store.db, 2, [apiMember({ id: 7, name: 'Member', phone: '+1' })])
    const result = replaceLists(store.db, [apiGroup({ id: 1, name: 'A renamed' }), apiGroup({ id: 3, name: 'C' })])
    expect(result).toEqual({ inserted: [3], updated: [1], unchanged: [], skipped: [], removed: [2], kept: [] })
    expect(count(store, 'list_members')).toBe(0) // cascaded with list 2
    // The member's contact was created from what the members page knew, and stays.
    expect(getContact(store.db, 7)).toMatchObject({ name: 'Member', phone: '+1' })

    replaceCampaigns(store.db, [apiCampaign({ id: 1, name: 'Ramadan' }), apiCampaign({ id: 2, name: 'Eid' })])
    upsertCampaignContacts(store.db, 2, [apiCampaignContact({ contact_id: 7, status: 'sent' })])
    expect(replaceCampaigns(store.db, [apiCampaign({ id: 1, name: 'Ramadan' })])).toMatchObject({ unchanged: [1], removed: [2] })
    expect(count(store, 'campaign_contacts')).toBe(0)

    upsertContacts(store.db, [apiContact({ id: 1, name: 'N' })])
    replaceContactNotes(store.db, 1, [
      { id: 1, content: 'first', created_at: at(1) },
      { id: 2, content: 'second', created_at: at(2) },
    ])
    expect(replaceContactNotes(store.db, 1, [{ id: 2, content: 'second', created_at: at(2) }]).removed).toEqual([1])
    expect(getContact(store.db, 1).notes.map((n) => n.content)).toEqual(['second'])
  })

  it('mark and sweep deletes only what the pass did not see', () => {
    const store = openTempStore()
    upsertContacts(store.db, contactsPage(1, 6))
    for (const id of [1, 2, 3]) {
      upsertMessages(store.db, id, [apiMessage({ id: id * 10, content: `note about pizza ${id}`, sent_at: at(id) })])
    }
    holdForLocalChange(store.db, { kind: 'contact', id: 5 }) // edited offline: never swept
    insertLocalMessage(store.db, { localId: 'l-1', contactId: 6, content: 'queued pizza', createdAt: at(9) })

    expect(markAll(store.db, { resource: 'contacts' })).toBe(6)
    upsertContacts(store.db, contactsPage(1, 2)) // the full pass saw only 1 and 2
    expect(sweepUnseen(store.db, { resource: 'contacts' })).toBe(2) // 3 and 4
    expect(contactPage(store.db).items.map((c) => c.id)).toEqual([1, 2, 5, 6])
    // Contact 3's messages went with it, from the search index too.
    expect(searchMessages(store.db, { query: 'pizza' }).map((h) => h.contactId).sort()).toEqual([1, 2, 6])
    expect(searchContacts(store.db, { query: 'Contact 3' })).toEqual([])

    // Messages of one conversation: a local message not yet sent is never "unseen".
    upsertMessages(store.db, 1, [apiMessage({ id: 11, content: 'second', sent_at: at(20) })])
    markAll(store.db, { resource: 'messages', contactId: 1 })
    upsertMessages(store.db, 1, [apiMessage({ id: 11, content: 'second', sent_at: at(20) })])
    expect(sweepUnseen(store.db, { resource: 'messages', contactId: 1 })).toBe(1)
    expect(threadPage(store.db, { contactId: 1 }).items.map((m) => m.serverId)).toEqual([11])
    expect(threadPage(store.db, { contactId: 2 }).items).toHaveLength(1) // other threads untouched

    // A pass that sees nothing new changes nothing.
    markAll(store.db, { resource: 'contacts' })
    upsertContacts(store.db, contactsPage(1, 2))
    upsertContacts(store.db, [apiContact({ id: 6, name: 'Contact 6', tags: ['t'] })])
    expect(sweepUnseen(store.db, { resource: 'contacts' })).toBe(0)
  })

  it('marks a whole table in slices by key, rows created offline (negative ids) included', () => {
    const store = openTempStore()
    upsertContacts(store.db, contactsPage(1, 5))
    store.sqlite.prepare(`INSERT INTO contacts (id, name, sort_name, blacklisted) VALUES (-1, 'Offline', 'offline', 0)`).run()
    const unseen = () => (store.sqlite.prepare('SELECT id FROM contacts WHERE unseen = 1 ORDER BY id').all() as { id: number }[]).map((r) => r.id)
    expect(markSlice(store.db, 'contacts', Number.MIN_SAFE_INTEGER, 2)).toBe(1)
    expect(unseen()).toEqual([-1, 1])
    expect(markSlice(store.db, 'contacts', 1, 2)).toBe(3)
    expect(markSlice(store.db, 'contacts', 3, 2)).toBe(5)
    expect(markSlice(store.db, 'contacts', 5, 2)).toBeNull()
    expect(unseen()).toEqual([-1, 1, 2, 3, 4, 5])
  })

  it('sweeps list members, media and conversations within their scope', () => {
    const store = openTempStore()
    replaceLists(store.db, [apiGroup({ id: 1, name: 'A' }), apiGroup({ id: 2, name: 'B' })])
    upsertListMembers(store.db, 1, [apiMember({ id: 1 }), apiMember({ id: 2 })])
    upsertListMembers(store.db, 2, [apiMember({ id: 1 })])
    markAll(store.db, { resource: 'list-members', listId: 1 })
    upsertListMembers(store.db, 1, [apiMember({ id: 2 })])
    expect(sweepUnseen(store.db, { resource: 'list-members', listId: 1 })).toBe(1)
    expect(contactPage(store.db, { listId: 1 }).items.map((c) => c.id)).toEqual([2])
    expect(contactPage(store.db, { listId: 2 }).items.map((c) => c.id)).toEqual([1])

    upsertMedia(store.db, [apiMedia({ id: 1, name: 'a' }), apiMedia({ id: 2, name: 'b' })])
    setMediaCachePath(store.db, 1, '/cache/1.jpg')
    markAll(store.db, { resource: 'media' })
    upsertMedia(store.db, [apiMedia({ id: 1, name: 'a' })])
    expect(sweepUnseen(store.db, { resource: 'media' })).toBe(1)
    // Sync never clears where a file is cached.
    upsertMedia(store.db, [apiMedia({ id: 1, name: 'a renamed' })])
    expect(mediaPage(store.db).items).toMatchObject([{ id: 1, name: 'a renamed', localPath: '/cache/1.jpg' }])

    upsertConversations(store.db, [apiConversation({ contact_id: 1 }), apiConversation({ contact_id: 2 })])
    markAll(store.db, { resource: 'conversations' })
    upsertConversations(store.db, [apiConversation({ contact_id: 2 })])
    expect(sweepUnseen(store.db, { resource: 'conversations' })).toBe(1)
    expect(conversationPage(store.db).items.map((c) => c.contactId)).toEqual([2])
  })
})

describe('outgoing messages written offline', () => {
  it('show at once as pending, then take the server id without duplicating', () => {
    const store = openTempStore()
    const rowId = insertLocalMessage(store.db, { localId: 'local-1', contactId: 1, content: 'أهلاً وسهلاً', createdAt: at(5) })
    expect(threadPage(store.db, { contactId: 1 }).items).toMatchObject([{ rowId, serverId: null, localId: 'local-1', status: 'pending', pending: true }])
    expect(searchMessages(store.db, { query: 'اهلا' }).map((h) => h.rowId)).toEqual([rowId])

    // A sync that runs before the outbox records the answer sees the server's copy first.
    // A full Message object (created_at is a documented, non-null field).
    const sent = apiMessage({ id: 500, content: 'أهلاً وسهلاً', direction: 'outbound', status: 'sent', sent_at: at(6), created_at: at(6) })
    upsertMessages(store.db, 1, [sent])
    confirmLocalMessage(store.db, 'local-1', sent)
    expect(threadPage(store.db, { contactId: 1 }).items).toMatchObject([{ rowId, serverId: 500, localId: 'local-1', status: 'sent', pending: false }])
    expect(searchMessages(store.db, { query: 'اهلا' }).map((h) => h.rowId)).toEqual([rowId])
    expect(upsertMessages(store.db, 1, [sent]).unchanged).toEqual([500])
  })

  it('keep their place and the server’s reason when confirmed from the docs’ short answers', () => {
    const store = openTempStore()
    upsertMessages(store.db, 1, [apiMessage({ id: 1, content: 'Earlier', direction: 'inbound', status: 'read', sent_at: at(1), created_at: at(1) })])
    insertLocalMessage(store.db, { localId: 'refused', contactId: 1, content: 'Hello?', createdAt: at(5) })
    // The send's failure answer: {id, status, error} and nothing else.
    confirmLocalMessage(store.db, 'refused', apiMessage({ id: 7, status: 'failed', error: 'No instagram channel connected.' }))
    const refused = { serverId: 7, content: 'Hello?', direction: 'outbound', status: 'failed', error: 'No instagram channel connected.', createdAt: at(5), pending: false }
    expect(threadPage(store.db, { contactId: 1 }).items).toMatchObject([refused, { serverId: 1 }])
    // The history's Message object has no `error`: the reason stays; the server's time is taken.
    const fromHistory = apiMessage({ id: 7, contact_id: 1, content: 'Hello?', direction: 'outbound', channel: 'instagram', status: 'failed', sent_at: null, created_at: at(4) })
    expect(upsertMessages(store.db, 1, [fromHistory]).updated).toEqual([7])
    expect(threadPage(store.db, { contactId: 1 }).items).toMatchObject([{ ...refused, createdAt: at(4), channel: 'instagram' }, { serverId: 1 }])
    expect(upsertMessages(store.db, 1, [fromHistory]).unchanged).toEqual([7])
    // A record that does carry an error (null included) is taken as it is.
    upsertMessages(store.db, 1, [apiMessage({ ...fromHistory, status: 'sent', error: null })])
    expect(threadPage(store.db, { contactId: 1 }).items[0]).toMatchObject({ serverId: 7, status: 'sent', error: null })
  })
})

describe('sync state', () => {
  it('merges what the sync engine saves per resource', () => {
    const { db } = openTempStore()
    expect(getSyncState(db, 'contacts')).toBeNull()
    saveSyncState(db, 'contacts', { cursor: { page: 3 }, progress: { done: 60, total: 200 } })
    saveSyncState(db, 'contacts', { lastSyncedAt: at(1) })
    expect(getSyncState(db, 'contacts')).toEqual({
      resource: 'contacts',
      cursor: { page: 3 },
      progress: { done: 60, total: 200 },
      lastFullPassAt: null,
      lastSyncedAt: at(1),
    })
  })
})
