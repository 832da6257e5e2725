// A poll reads the conversation list only as far as it changed: a page ending on a
// conversation that has not moved is the last (everything after it is older still), so a
// few new messages on a long list cost one page, and a burst that fills a page reads on.
import { afterEach, beforeEach, expect, it } from 'vitest'
import { createSkyLightApi, RateBudget } from '../../../src/main/core/skylight'
import { AccountSync } from '../../../src/main/core/sync/account-sync'
import { openSyncFixture, type SyncFixture } from './sync-fixture'
import { localSnapshot } from './snapshot'

let fixture: SyncFixture
beforeEach(async () => {
  fixture = await openSyncFixture({ accounts: 1, folder: 'poll-pages' })
  // 250 conversations: three pages of 100.
  await fixture.replaceSandbox({ port: 0, seed: 5, accounts: 1, size: { contacts: 260, conversations: 250, messagesPerConversation: 2 }, rateLimit: { limit: 10_000, windowMs: 60_000 } })
})
afterEach(() => fixture.close())

it('reads one page of a long conversation list for a few new messages, and on while pages are all new', async () => {
  const { sandbox, store } = fixture
  const account = sandbox.accounts[0]!
  const api = createSkyLightApi({ baseUrl: sandbox.url, apiKey: account.apiKey, budget: new RateBudget({ limit: 10_000, windowMs: 60_000 }), retryBaseMs: 10, retryMaxMs: 50, maxAttempts: 4 })
  const sync = new AccountSync({ api, db: store.db, onEvent: () => {}, timings: { pollMs: 3_600_000 } })
  fixture.syncs.push(sync)
  await sync.syncNow()
  await sync.syncNow('refresh')
  const listReads = () => sandbox.control.requestLog().filter((e) => e.path === '/api/v1/conversations').map((e) => Number(e.query.page))
  const contacts = (await api.messages.conversations({ per_page: 100, page: 3 })).items.map((c) => c.contact_id)
  const stored = () => localSnapshot(store.sqlite).messages.flatMap((m) => m.messages.map((x) => x.content))

  // Two old conversations (from the last page) move to the top.
  for (const [i, contactId] of contacts.slice(0, 2).entries()) sandbox.control.injectInbound({ accountId: account.id, contactId, content: `few-${i}` })
  sandbox.control.clearLog()
  await sync.syncNow('poll')
  expect(listReads()).toEqual([1])
  expect(stored()).toEqual(expect.arrayContaining(['few-0', 'few-1']))

  // 120 conversations move: page 1 is all new, page 2 ends on one that did not move.
  const all = [...(await api.messages.conversations({ per_page: 100, page: 2 })).items, ...(await api.messages.conversations({ per_page: 100, page: 3 })).items].map((c) => c.contact_id)
  for (const [i, contactId] of all.slice(0, 120).entries()) sandbox.control.injectInbound({ accountId: account.id, contactId, content: `burst-${i}` })
  sandbox.control.clearLog()
  await sync.syncNow('poll')
  expect(listReads()).toEqual([1, 2])
  expect(stored()).toEqual(expect.arrayContaining(all.slice(0, 120).map((_, i) => `burst-${i}`)))
})
