// A contact changed elsewhere (on the dashboard, another device) reaches the app before the
// 6-hourly full pass: a rename through the conversation list's names at the next poll, any
// other change when the user opens the contact — within the idle request budget.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../../src/sandbox'
import { createSkyLightApi, RateBudget, type SkyLightApi } from '../../../src/main/core/skylight'
import { conversationPage, getContact, searchContacts, type Store } from '../../../src/main/core/store'
import { openSyncFixture, type SyncFixture } from './sync-fixture'
import { AccountSync, type SyncEvent } from '../../../src/main/core/sync/account-sync'

let sandbox: Sandbox
let dir: string
let store: Store
let syncs: AccountSync[]

let fixture: SyncFixture
beforeEach(async () => {
  fixture = await openSyncFixture({ accounts: 1, folder: 'contact-fresh' })
  ;({ sandbox, dir, store, syncs } = fixture)
})
afterEach(async () => {
  await fixture.close()
})

const account = () => sandbox.accounts[0]!
const apiRequests = () => sandbox.control.requestLog().filter((e) => e.path.startsWith('/api/v1'))

function api(): SkyLightApi {
  return createSkyLightApi({ baseUrl: sandbox.url, apiKey: account().apiKey, budget: new RateBudget({ limit: 10_000, windowMs: 60_000 }), retryBaseMs: 10, retryMaxMs: 50 })
}

function engine(events: SyncEvent[] = []): AccountSync {
  const sync = new AccountSync({ api: api(), db: store.db, onEvent: (e) => events.push(e), timings: { pollMs: 3_600_000 } })
  syncs.push(sync)
  return sync
}

describe('a contact changed elsewhere', () => {
  it('takes its new name from the conversation list at the next poll, in the inbox, the contact and search', async () => {
    const events: SyncEvent[] = []
    const sync = engine(events)
    await sync.syncNow()
    const newest = conversationPage(store.db, { limit: 1 }).items[0]!
    const other = api() // the dashboard, with the same key
    await other.contacts.update(newest.contactId, { name: 'Reem Haddad-Renamed' })

    sandbox.control.clearLog()
    events.length = 0
    await sync.syncNow('poll')
    expect(apiRequests().length).toBeLessThanOrEqual(3) // the poll costs what it did
    expect(conversationPage(store.db, { limit: 1 }).items[0]!.name).toBe('Reem Haddad-Renamed')
    expect(getContact(store.db, newest.contactId).name).toBe('Reem Haddad-Renamed')
    expect(searchContacts(store.db, { query: 'Renamed' }).map((c) => c.id)).toContain(newest.contactId)
    expect(events.some((e) => e.type === 'changed' && e.resources.includes('contacts') && e.contactIds.includes(newest.contactId))).toBe(true)
  })

  it('keeps a name the user changed here while that change waits in the outbox', async () => {
    const sync = engine()
    await sync.syncNow()
    const newest = conversationPage(store.db, { limit: 1 }).items[0]!
    store.sqlite.prepare('UPDATE contacts SET name = ?, local_revision = 1 WHERE id = ?').run('Edited here', newest.contactId)
    await api().contacts.update(newest.contactId, { name: 'Edited there' })
    await sync.syncNow('poll')
    expect(getContact(store.db, newest.contactId).name).toBe('Edited here')
  })

  it('shows its blacklist, tags and name as SkyLight has them once the user opens it', async () => {
    const sync = engine()
    await sync.syncNow()
    // A contact whose conversation is not on the list's first page: no poll reads its name.
    const id = conversationPage(store.db, { limit: 200 }).items.at(-1)!.contactId
    const before = getContact(store.db, id)
    const other = api()
    await other.contacts.update(id, { name: 'Changed On The Dashboard', tags: ['moved-elsewhere'] })
    if (!before.blacklisted) await other.contacts.toggleBlacklist(id)

    await sync.syncNow('poll')
    expect(getContact(store.db, id).blacklisted).toBe(before.blacklisted) // not seen by a poll

    sandbox.control.clearLog()
    await sync.fetchContact(id)
    const after = getContact(store.db, id)
    expect(after).toMatchObject({ name: 'Changed On The Dashboard', blacklisted: true })
    expect(after.tags).toContain('moved-elsewhere')
    // One read of the contact and one of its notes, at the user's priority: nothing while idle.
    expect(apiRequests().map((e) => e.path).sort()).toEqual([`/api/v1/contacts/${id}`, `/api/v1/contacts/${id}/notes`])
  })

  it('deleted elsewhere, stays until the next deletion pass says so (opening it does not fail)', async () => {
    const sync = engine()
    await sync.syncNow()
    const id = conversationPage(store.db, { limit: 200 }).items.at(-1)!.contactId
    await api().contacts.delete(id)
    await sync.fetchContact(id)
    expect(sync.status.state).toBe('idle')
    expect(getContact(store.db, id).id).toBe(id)
    await sync.syncNow('full')
    expect(() => getContact(store.db, id)).toThrow()
  })
})
