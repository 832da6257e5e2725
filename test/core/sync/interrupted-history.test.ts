// A first sync cut short between two pages of one long conversation: by a 502 that outlasts
// the client's retries, or by the app stopping. The next run must fetch the older pages too,
// and the conversation is only marked synced once its whole history is stored.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../src/sandbox'
import { createSkyLightApi, RateBudget } from '../../../src/main/core/skylight'
import { openStore, type Store } from '../../../src/main/core/store'
import { AccountSync, type SyncEvent } from '../../../src/main/core/sync/account-sync'
import { pageAfterShrink } from '../../../src/main/core/sync/steps/messages'
import { duplicateMessages, localSnapshot, serverSnapshot } from './snapshot'

let sandbox: Sandbox
let dir: string
let store: Store
const syncs: AccountSync[] = []

const size = { contacts: 12, conversations: 4, messagesPerConversation: 240, media: 2, campaigns: 1 }

async function start(messageOrder: 'asc' | 'desc'): Promise<void> {
  sandbox = await startSandbox({ port: 0, seed: 5, accounts: 1, size, messageOrder, rateLimit: { limit: 10_000, windowMs: 60_000 } })
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'skylight-history-'))
  store = openStore({ path: join(dir, 'account.sqlite') })
})
afterEach(async () => {
  for (const s of syncs.splice(0)) await s.stop()
  store.close()
  await sandbox.close()
  await rm(dir, { recursive: true, force: true })
})

const account = () => sandbox.accounts[0]!

function engine(onEvent: (e: SyncEvent, sync: AccountSync) => void = () => {}): AccountSync {
  const api = createSkyLightApi({
    baseUrl: sandbox.url,
    apiKey: account().apiKey,
    budget: new RateBudget({ limit: 10_000, windowMs: 60_000 }),
    retryBaseMs: 5,
    retryMaxMs: 10,
    maxAttempts: 3,
  })
  const sync: AccountSync = new AccountSync({ api, db: store.db, onEvent: (e) => onEvent(e, sync), timings: { pollMs: 3_600_000 } })
  syncs.push(sync)
  return sync
}

/** The contact with the longest history (several pages of 100). */
function longest(): { contactId: number; count: number } {
  const dump = sandbox.control.dump(account().id)
  const [id, list] = Object.entries(dump.messages).sort((a, b) => b[1].length - a[1].length)[0]!
  return { contactId: Number(id), count: list.length }
}

const expectConverged = () => {
  expect(localSnapshot(store.sqlite)).toEqual(serverSnapshot(sandbox.control.dump(account().id)))
  expect(duplicateMessages(store.sqlite)).toBe(0)
}
const storedFor = (contactId: number) =>
  (store.sqlite.prepare('SELECT count(*) AS n FROM messages WHERE contact_id = ? AND server_id IS NOT NULL').get(contactId) as { n: number }).n

describe.each(['desc', 'asc'] as const)('a first sync interrupted inside one history (%s)', (order) => {
  it('resumes after a 502 on page 2 and stores every message', async () => {
    await start(order)
    const { contactId, count } = longest()
    expect(count).toBeGreaterThan(200)
    const path = `/contacts/${contactId}/messages`
    // Page 1 goes through (the first rule matches it once), then every retry of page 2 fails.
    sandbox.control.setFaults({ rules: [{ path, kind: 'latency', ms: 0, times: 1 }, { path, kind: 'status', status: 502, times: 20 }] })
    const sync = engine()
    await sync.syncNow()
    expect(sync.status.state).not.toBe('idle')
    expect(sync.status.firstSyncDone).toBe(false)
    expect(storedFor(contactId)).toBeLessThan(count)
    sandbox.control.clearFaults()
    await sync.syncNow()
    expect(sync.status).toMatchObject({ state: 'idle', firstSyncDone: true })
    expect(storedFor(contactId)).toBe(count)
    expectConverged()
    // Later polls and full passes keep it so.
    await sync.syncNow('full')
    expectConverged()
  })

  it('resumes after the app stopped between two pages of a history', async () => {
    await start(order)
    const { contactId, count } = longest()
    let stopping: Promise<void> | undefined
    const first = engine((e, sync) => {
      if (!stopping && e.type === 'changed' && e.contactIds.includes(contactId) && storedFor(contactId) < count) stopping = sync.stop()
    })
    await first.syncNow()
    await stopping
    expect(storedFor(contactId)).toBeGreaterThan(0)
    expect(storedFor(contactId)).toBeLessThan(count)
    const second = engine()
    await second.syncNow()
    expect(second.status).toMatchObject({ state: 'idle', firstSyncDone: true })
    expectConverged()
  })
})

describe('a history that shrank while its walk was paused', () => {
  it('steps back by the rows removed above the next unread one', () => {
    expect(pageAfterShrink(3, 0)).toBe(3)
    expect(pageAfterShrink(3, 1)).toBe(2)
    expect(pageAfterShrink(3, 100)).toBe(2)
    expect(pageAfterShrink(3, 101)).toBe(1)
    expect(pageAfterShrink(1, 50)).toBe(1)
  })
})
