// The sync engine on its own thread, as the app runs it: a real worker thread with its own
// connection to the account's file, asking this thread's rate budget for every request.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../src/sandbox'
import { createSkyLightApi, RateBudget, type Priority } from '../../../src/main/core/skylight'
import { openStore, type Store } from '../../../src/main/core/store'
import type { SyncEvent } from '../../../src/main/core/sync/account-sync'
import { SyncThread } from '../../../src/main/core/sync/thread/sync-thread'
import { duplicateMessages, localSnapshot, serverSnapshot } from './snapshot'

let sandbox: Sandbox
let dir: string
let store: Store
let threads: SyncThread[]

beforeEach(async () => {
  sandbox = await startSandbox({ port: 0, seed: 5, accounts: 1, size: 'demo', rateLimit: { limit: 10_000, windowMs: 60_000 } })
  dir = await mkdtemp(join(tmpdir(), 'skylight-sync-thread-'))
  store = openStore({ path: join(dir, 'account.sqlite') })
  threads = []
})
afterEach(async () => {
  for (const thread of threads) await thread.stop()
  store.close()
  await sandbox.close()
  await rm(dir, { recursive: true, force: true })
})

function syncThread(options: { budget?: RateBudget; events?: SyncEvent[]; entry?: URL } = {}): SyncThread {
  const api = createSkyLightApi({
    baseUrl: sandbox.url,
    apiKey: sandbox.accounts[0]!.apiKey,
    budget: options.budget ?? new RateBudget({ limit: 10_000, windowMs: 60_000 }),
    retryBaseMs: 10,
  })
  const thread = new SyncThread({
    path: store.path,
    db: store.db,
    api,
    onEvent: (event) => options.events?.push(event),
    timings: { pollMs: 3_600_000 },
    ...(options.entry ? { entry: options.entry } : {}),
  })
  threads.push(thread)
  return thread
}

const apiRequests = () => sandbox.control.requestLog().filter((e) => e.path.startsWith('/api/v1'))

describe('sync on its own thread', () => {
  it('copies the account into the same file, and reports status and changes here', async () => {
    const events: SyncEvent[] = []
    const thread = syncThread({ events })
    expect(thread.status).toMatchObject({ state: 'idle', firstSyncDone: false })
    await thread.syncNow('first')
    expect(thread.status).toMatchObject({ state: 'idle', firstSyncDone: true })
    // Written by the thread's connection, read through this one.
    expect(localSnapshot(store.sqlite)).toEqual(serverSnapshot(sandbox.control.dump(sandbox.accounts[0]!.id)))
    expect(duplicateMessages(store.sqlite)).toBe(0)
    const changed = new Set(events.flatMap((e) => (e.type === 'changed' ? e.resources : [])))
    expect(changed).toContain('conversations')
    expect(changed).toContain('contacts')
    // Progress comes a few times a second, not once a page.
    const statuses = events.filter((e) => e.type === 'status').length
    expect(statuses).toBeLessThan(apiRequests().length)
  })

  it('leaves alone what the outbox changed through the other connection', async () => {
    const { Outbox } = await import('../../../src/main/core/outbox')
    const thread = syncThread()
    await thread.syncNow('first')
    const contactId = localSnapshot(store.sqlite).conversations[0]!.contact_id as number
    // Queued here, on this thread's connection, and not yet carried out.
    const api = createSkyLightApi({ baseUrl: sandbox.url, apiKey: sandbox.accounts[0]!.apiKey, budget: new RateBudget({ limit: 100, windowMs: 60_000 }) })
    const outbox = new Outbox({ api, db: store.db, stagingDir: join(dir, 'staging'), onEvent: () => {} })
    outbox.deleteContact(contactId)
    sandbox.control.injectInbound({ accountId: sandbox.accounts[0]!.id, contactId, content: 'still there upstream' })
    await thread.syncNow('refresh')
    expect(thread.status.state).toBe('idle')
    const local = localSnapshot(store.sqlite)
    expect(local.contacts.map((c) => c.id)).not.toContain(contactId)
    expect(local.conversations.map((c) => c.contact_id)).not.toContain(contactId)
    await outbox.stop()
  })

  it('takes every slot from this thread’s budget, where the user’s requests go first', async () => {
    await sandbox.close()
    // A budget as tight as the server's, so the thread's requests queue in it.
    sandbox = await startSandbox({ port: 0, seed: 5, accounts: 1, size: 'demo', rateLimit: { limit: 20, windowMs: 500 } })
    const budget = new RateBudget({ limit: 20, windowMs: 500 })
    const granted: Priority[] = []
    const acquire = budget.acquire.bind(budget)
    budget.acquire = (priority = 'sync', signal) =>
      acquire(priority, signal).then((slot) => {
        granted.push(priority)
        return slot
      })
    const thread = syncThread({ budget })
    const syncing = thread.syncNow('first')
    // The first sync takes all of each window it may: all but the slots kept free.
    await expect.poll(() => budget.used, { timeout: 60_000 }).toBeGreaterThanOrEqual(18)
    const before = granted.length
    const slot = await budget.acquire('user')
    slot.release()
    // The window was the sync's, yet the user's request was granted next, without waiting.
    expect(granted[before]).toBe('user')
    await syncing
    expect(thread.status.state).toBe('idle')
    // A first sync's requests are background ones, so a poll beside it goes first too.
    expect(granted.filter((p) => p === 'background').length).toBeGreaterThanOrEqual(apiRequests().length)
    expect(apiRequests().filter((e) => e.status === 429)).toEqual([])
  })

  it('stops cleanly mid-sync: the run ends, its slots go back, nothing more is asked', async () => {
    sandbox.control.setFaults({ latencyMs: 20 })
    // A short window, so a slot never given back would show as still used after it.
    const budget = new RateBudget({ limit: 10_000, windowMs: 200 })
    const events: SyncEvent[] = []
    const thread = syncThread({ budget, events })
    const syncing = thread.syncNow('first')
    await expect.poll(() => apiRequests().length, { timeout: 60_000 }).toBeGreaterThan(3)
    await thread.stop()
    await syncing
    expect(thread.status.state).toBe('stopped')
    expect(events.at(-1)).toMatchObject({ type: 'status', status: { state: 'stopped' } })
    const asked = apiRequests().length
    await thread.syncNow()
    expect(apiRequests().length).toBe(asked)
    // Every slot the thread held was given back (none is still "in flight").
    expect(budget.waiting).toBe(0)
    await expect.poll(() => budget.used, { timeout: 2_000 }).toBe(0)
    sandbox.control.clearFaults()
  })

  it('says so when its thread ends unexpectedly, and a later sync starts another', async () => {
    const crashing = new URL('./fixtures/crashing-thread.ts', import.meta.url)
    const events: SyncEvent[] = []
    const thread = syncThread({ entry: crashing, events })
    await thread.syncNow()
    expect(thread.status.state).toBe('error')
    expect(thread.status.message).toMatch(/Sync stopped unexpectedly: .*disk is not there.*starts again/)
    expect(events.at(-1)).toMatchObject({ type: 'status', status: { state: 'error' } })
    await thread.syncNow()
    const reports = events.filter((e) => e.type === 'status' && e.status.state === 'error')
    expect(reports).toHaveLength(2)
  })
})
