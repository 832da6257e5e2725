// When each kind of run happens and what it costs, counted in the sandbox's request log:
// new messages never wait for a longer run, the first sync counts as a full pass, a refresh
// with nothing new stays cheap, and contacts arrive alongside the inbox.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../../src/sandbox'
import { createSkyLightApi, RateBudget, type SkyLightApi } from '../../../src/main/core/skylight'
import type { Store } from '../../../src/main/core/store'
import { openSyncFixture, type SyncFixture } from './sync-fixture'
import { AccountSync, type SyncEvent, type SyncTimings } from '../../../src/main/core/sync/account-sync'
import type { SyncKind } from '../../../src/main/core/sync/plans'
import { localSnapshot, serverSnapshot } from './snapshot'

let sandbox: Sandbox
let dir: string
let store: Store
let syncs: AccountSync[]

let fixture: SyncFixture
beforeEach(async () => {
  fixture = await openSyncFixture({ accounts: 1, folder: 'schedule' })
  ;({ sandbox, dir, store, syncs } = fixture)
})
afterEach(async () => {
  sandbox.control.clearFaults()
  await fixture.close()
})

const account = () => sandbox.accounts[0]!

function api(): SkyLightApi {
  return createSkyLightApi({
    baseUrl: sandbox.url,
    apiKey: account().apiKey,
    budget: new RateBudget({ limit: 10_000, windowMs: 60_000 }),
    retryBaseMs: 10,
    retryMaxMs: 50,
  })
}

function engine(timings: Partial<SyncTimings> = {}, events: SyncEvent[] = []): AccountSync {
  // Long timers unless a test sets them: the tests drive each run themselves.
  const sync = new AccountSync({ api: api(), db: store.db, onEvent: (e) => events.push(e), timings: { pollMs: 3_600_000, ...timings } })
  syncs.push(sync)
  return sync
}

const apiRequests = () => sandbox.control.requestLog().filter((e) => e.path.startsWith('/api/v1'))
const deliveryReads = () => apiRequests().filter((e) => /^\/api\/v1\/campaigns\/\d+\/contacts$/.test(e.path))
const storedContents = () =>
  (store.sqlite.prepare('SELECT content FROM messages').all() as { content: string | null }[]).map((m) => m.content)

describe('the first sync', () => {
  it('counts as a full pass: the next start refreshes instead of reading everything again', async () => {
    await engine().syncNow()
    await syncs[0]!.stop()
    const events: SyncEvent[] = []
    const restarted = engine({}, events)
    sandbox.control.clearLog()
    restarted.start()
    await expect.poll(() => restarted.status.lastSyncedAt !== null && restarted.status.state === 'idle' && events.length > 1).toBe(true)
    const kinds = new Set(events.flatMap((e) => (e.type === 'status' && e.status.kind ? [e.status.kind] : [])))
    expect(kinds).toEqual(new Set(['refresh']))
    expect(apiRequests().filter((e) => e.path === '/api/v1/contacts')).toEqual([])
  })

  it('reads contacts beside the messages, not after every conversation', async () => {
    await engine().syncNow()
    const log = apiRequests()
    const firstContactsPage = log.findIndex((e) => e.path === '/api/v1/contacts')
    const lastHistoryPage = log.findLastIndex((e) => /^\/api\/v1\/contacts\/\d+\/messages$/.test(e.path))
    expect(firstContactsPage).toBeGreaterThan(-1)
    expect(firstContactsPage).toBeLessThan(lastHistoryPage)
    expect(localSnapshot(store.sqlite)).toEqual(serverSnapshot(sandbox.control.dump(account().id)))
  })
})

describe('a refresh', () => {
  it('with nothing new costs at most 10 requests, and reads a campaign’s delivery only when its counters moved', async () => {
    const sync = engine()
    await sync.syncNow()
    const running = sandbox.control.dump(account().id).campaigns.filter((c: { status: string }) => c.status === 'running')
    expect(running.length).toBeGreaterThan(0)
    await sync.syncNow('refresh') // settles the recent statuses the first sync brought

    sandbox.control.clearLog()
    await sync.syncNow('refresh')
    expect(apiRequests().length).toBeLessThanOrEqual(10)
    expect(deliveryReads()).toEqual([])

    sandbox.control.advanceCampaigns(1, account().id)
    sandbox.control.clearLog()
    await sync.syncNow('refresh')
    expect(new Set(deliveryReads().map((e) => e.path))).toEqual(new Set(running.map((c: { id: number }) => `/api/v1/campaigns/${c.id}/contacts`)))
    expect(localSnapshot(store.sqlite).campaigns).toEqual(serverSnapshot(sandbox.control.dump(account().id)).campaigns)
  })

  it('looks at recent sent messages again after a pause that grows while their statuses stand still', async () => {
    let now = Date.now()
    const sync = new AccountSync({ api: api(), db: store.db, onEvent: () => {}, timings: { pollMs: 3_600_000 }, now: () => now })
    syncs.push(sync)
    await sync.syncNow()
    // A contact on a connected channel (the seed leaves some channels disconnected).
    const client = api()
    let contactId = 0
    for (const c of localSnapshot(store.sqlite).conversations) {
      const sent = await client.messages.send(c.contact_id as number, 'waiting for its ticks').then(() => true, () => false)
      if (sent) {
        contactId = c.contact_id as number
        break
      }
    }
    expect(contactId).toBeGreaterThan(0)
    await sync.syncNow('refresh') // brings the message, then looks at its status
    const statusReads = () => apiRequests().filter((e) => e.path === `/api/v1/contacts/${contactId}/messages`).length
    const refreshAfter = async (ms: number): Promise<number> => {
      now += ms
      sandbox.control.clearLog()
      await sync.syncNow('refresh')
      expect(sync.status.state).toBe('idle')
      return statusReads()
    }
    expect(await refreshAfter(60_000)).toBe(0)
    expect(await refreshAfter(10 * 60_000)).toBe(1)
    expect(await refreshAfter(10 * 60_000)).toBe(0) // the pause doubled
    expect(await refreshAfter(10 * 60_000)).toBe(1)
    // Once they move, the next refresh looks again.
    sandbox.control.advanceMessages(1, account().id)
    expect(await refreshAfter(60 * 60_000)).toBe(1)
    expect(await refreshAfter(60_000)).toBe(1)
  })

  it('reads a campaign’s delivery again when the last read of it was cut short', async () => {
    const sync = engine()
    await sync.syncNow()
    sandbox.control.advanceCampaigns(1, account().id)
    sandbox.control.setFaults({ rules: [{ path: /^\/api\/v1\/campaigns\/\d+\/contacts$/, kind: 'status', status: 422, times: 1 }] })
    await sync.syncNow('refresh')
    expect(sync.status.state).toBe('error')
    await sync.syncNow('refresh')
    expect(sync.status.state).toBe('idle')
    expect(localSnapshot(store.sqlite).campaigns).toEqual(serverSnapshot(sandbox.control.dump(account().id)).campaigns)
  })
})

describe('a poll', () => {
  // The longer run is held at its request for the campaign list (a poll never asks for it),
  // so it is certainly still in progress while the poll's message arrives. The sandbox logs
  // a request once its delay is over, so the test waits for the one read just before.
  const justBeforeCampaigns: Record<string, string> = { first: '/api/v1/media', full: '/api/v1/media', refresh: '/api/v1/contacts/segments' }
  it.each<SyncKind>(['first', 'refresh', 'full'])('runs on its interval during a %s run, which it does not wait for', async (kind) => {
    const events: SyncEvent[] = []
    const sync = engine({}, events)
    if (kind !== 'first') await sync.syncNow()
    sandbox.control.clearLog()
    sandbox.control.setFaults({ rules: [{ method: 'GET', path: '/campaigns', kind: 'latency', ms: 60_000 }] })
    let finished = false
    void sync.syncNow(kind).then(() => (finished = true))
    await expect.poll(() => apiRequests().some((e) => e.path === justBeforeCampaigns[kind]), { timeout: 60_000 }).toBe(true)

    const contactId = localSnapshot(store.sqlite).conversations.at(-1)!.contact_id as number
    sandbox.control.injectInbound({ accountId: account().id, contactId, content: `while the ${kind} runs` })
    sync.setTimings({ pollMs: 10 })
    await expect.poll(storedContents, { timeout: 60_000 }).toContain(`while the ${kind} runs`)
    expect(finished).toBe(false)
    expect(sync.status).toMatchObject({ state: 'syncing', kind })
    // A new message is news, but not the histories a first sync brings.
    const inbound = events.flatMap((e) => (e.type === 'inbound' ? [e.preview] : []))
    expect(inbound).toEqual(kind === 'first' ? [] : [`while the ${kind} runs`])
  })

  it('beside a full pass leaves it converging with the server', async () => {
    const sync = engine()
    await sync.syncNow()
    sandbox.control.clearLog()
    sandbox.control.setFaults({ rules: [{ method: 'GET', path: '/campaigns', kind: 'latency', ms: 500 }] })
    const full = sync.syncNow('full')
    await expect.poll(() => apiRequests().some((e) => e.path === '/api/v1/media'), { timeout: 60_000 }).toBe(true)
    sandbox.control.injectInbound({ accountId: account().id, content: 'beside the pass' })
    sync.setTimings({ pollMs: 10 })
    await expect.poll(storedContents, { timeout: 60_000 }).toContain('beside the pass')
    await full
    expect(sync.status.state).toBe('idle')
    expect(localSnapshot(store.sqlite)).toEqual(serverSnapshot(sandbox.control.dump(account().id)))
  })
})
