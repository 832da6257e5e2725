// The sync engine against the sandbox over real HTTP, into real SQLite files.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../../src/sandbox'
import { createSkyLightApi, RateBudget, type SkyLightApi } from '../../../src/main/core/skylight'
import { openStore, type Store } from '../../../src/main/core/store'
import { openSyncFixture, type SyncFixture } from './sync-fixture'
import { AccountSync, type SyncEvent } from '../../../src/main/core/sync/account-sync'
import { duplicateMessages, localSnapshot, serverSnapshot } from './snapshot'

let sandbox: Sandbox
let dir: string
let store: Store
let syncs: AccountSync[]

let fixture: SyncFixture
beforeEach(async () => {
  fixture = await openSyncFixture({ accounts: 2, folder: 'sync' })
  ;({ sandbox, dir, store, syncs } = fixture)
})
afterEach(async () => {
  await fixture.close()
})

const account = () => sandbox.accounts[0]!

function api(options: { limit?: number; key?: string } = {}): SkyLightApi {
  return createSkyLightApi({
    baseUrl: sandbox.url,
    apiKey: options.key ?? account().apiKey,
    budget: new RateBudget({ limit: options.limit ?? 10_000, windowMs: 60_000 }),
    retryBaseMs: 10,
    retryMaxMs: 50,
    maxAttempts: 4,
  })
}

function engine(events: SyncEvent[] = [], client = api()): AccountSync {
  // Long timers: the tests drive each run themselves.
  const sync = new AccountSync({ api: client, db: store.db, onEvent: (e) => events.push(e), timings: { pollMs: 3_600_000 } })
  syncs.push(sync)
  return sync
}

const apiRequests = () => sandbox.control.requestLog().filter((e) => e.path.startsWith('/api/v1'))
const expectConverged = () => {
  expect(localSnapshot(store.sqlite)).toEqual(serverSnapshot(sandbox.control.dump(account().id)))
  expect(duplicateMessages(store.sqlite)).toBe(0)
}

/** A seeded mix of what happens on the server while the app is away. */
async function randomServerChanges(seed: number, steps: number): Promise<void> {
  let state = seed
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
  const other = api() // another device with the same key
  const media = join(dir, 'photo.png')
  await writeFile(media, Buffer.from('89504e470d0a1a0a', 'hex'))
  for (let i = 0; i < steps; i++) {
    const contacts = (await other.contacts.list({ per_page: 100 })).items
    const pick = contacts[Math.floor(random() * contacts.length)]!
    switch (Math.floor(random() * 8)) {
      case 0:
        await other.contacts.create({ name: `عميل جديد ${i} 🌟`, phone: `+9665${seed}${String(1_000_000 + i)}`, type: 'whatsapp' })
        break
      case 1:
        await other.contacts.update(pick.id, { name: `${pick.name} (edited ${i})` })
        break
      case 2:
        await other.contacts.delete(pick.id)
        break
      case 3:
        sandbox.control.injectInbound({ accountId: account().id, contactId: pick.id, content: `Inbound ${i} مرحبا` })
        break
      case 4:
        await other.media.upload(media, { name: `Upload ${i}`, fileName: `photo-${i}.png` })
        break
      case 5: {
        const files = (await other.media.list({ per_page: 5 })).items.filter((m) => m.uploaded_by !== 'admin')
        if (files[0]) await other.media.rename(files[0].id, `Renamed ${i}`)
        if (files[1]) await other.media.delete(files[1].id)
        break
      }
      case 6:
        sandbox.control.advanceCampaigns(1, account().id)
        sandbox.control.advanceMessages(1, account().id)
        break
      default:
        await other.contacts.toggleBlacklist(pick.id)
    }
  }
}

describe('first sync', () => {
  it('copies the whole account, reports progress per resource, and tells the views what changed', async () => {
    const events: SyncEvent[] = []
    const sync = engine(events)
    await sync.syncNow()
    expect(sync.status).toMatchObject({ state: 'idle', firstSyncDone: true })
    expectConverged()
    const progressed = new Set(events.flatMap((e) => (e.type === 'status' ? Object.keys(e.status.progress) : [])))
    for (const resource of ['conversations', 'messages', 'contacts', 'media']) expect(progressed).toContain(resource)
    const changed = new Set(events.flatMap((e) => (e.type === 'changed' ? e.resources : [])))
    expect(changed).toEqual(new Set(['account', 'conversations', 'messages', 'contacts', 'groups', 'media', 'campaigns', 'team', 'webhooks', 'tickets', 'bookings', 'webChat', 'ai-agents', 'knowledge-base', 'voice']))
    // Conversations reach the views before contacts: what the user sees first comes first.
    const order = events.flatMap((e) => (e.type === 'changed' ? e.resources : []))
    expect(order.indexOf('conversations')).toBeLessThan(order.indexOf('contacts'))
  })

  it('works with oldest-first message histories too', async () => {
    sandbox = await fixture.replaceSandbox({ port: 0, seed: 21, accounts: 1, messageOrder: 'asc' })
    const sync = engine()
    await sync.syncNow()
    expectConverged()
    sandbox.control.clearLog()
    sandbox.control.injectInbound({ accountId: account().id, content: 'new one' })
    await sync.syncNow('poll')
    // Live web chat sessions cost one request of their own (counted in the idle-poll test).
    expect(apiRequests().filter((e) => !e.path.includes('/web-chat/')).length).toBeLessThanOrEqual(3)
    expectConverged()
  })
})

describe('after the first sync', () => {
  it('one full sync converges with the server after a random sequence of changes', async () => {
    const sync = engine()
    await sync.syncNow()
    for (const seed of [1, 2, 3]) {
      await randomServerChanges(seed, 25)
      await sync.syncNow('full')
      expect(sync.status.state).toBe('idle')
      expectConverged()
    }
  })

  // With live web chat sessions, their list takes the media check's place (issue 17: live
  // sessions move on every poll); a session that moved costs its own read, like a conversation.
  it('an idle poll costs at most 2 requests, k new inbound messages at most k + 2, live web chat included', async () => {
    const sync = engine()
    await sync.syncNow()
    await sync.syncNow('refresh') // settle the slower cadence so the next runs are polls
    for (const k of [0, 1, 5]) {
      const contacts = (await api().messages.conversations({ per_page: 50 })).items.map((c) => c.contact_id)
      for (let i = 0; i < k; i++) sandbox.control.injectInbound({ accountId: account().id, contactId: contacts[i * 3]!, content: `k${k}-${i}` })
      sandbox.control.clearLog()
      await sync.syncNow('poll')
      const sessionReads = apiRequests().filter((e) => /\/web-chat\/sessions\/[^/]+$/.test(e.path))
      expect(apiRequests().length - sessionReads.length).toBeLessThanOrEqual(k + 2)
      expect(apiRequests().some((e) => e.path.endsWith('/web-chat/sessions')), 'the account has live web chat sessions').toBe(true)
      const local = localSnapshot(store.sqlite).messages.flatMap((m) => m.messages.map((x) => x.content))
      for (let i = 0; i < k; i++) expect(local).toContain(`k${k}-${i}`)
    }
  })

  it('obeys forced 429s and still finishes', async () => {
    sandbox.control.setFaults({ rules: [{ path: '/conversations', kind: 'rate-limit', retryAfter: 1, times: 1 }] })
    const started = Date.now()
    await engine().syncNow()
    expect(Date.now() - started).toBeGreaterThanOrEqual(900)
    expect(apiRequests().filter((e) => e.status === 429)).toHaveLength(1)
    expectConverged()
  })
})

describe('interruptions', () => {
  it('resumes after dropped connections and converges with no duplicates', async () => {
    sandbox.control.setFaults({ dropBeforeRate: 0.05, dropAfterRate: 0.05, truncateRate: 0.05, errorRate: 0.05 })
    const sync = engine([], createSkyLightApi({
      baseUrl: sandbox.url,
      apiKey: account().apiKey,
      budget: new RateBudget({ limit: 10_000, windowMs: 60_000 }),
      retryBaseMs: 5,
      retryMaxMs: 10,
      maxAttempts: 2, // few retries, so some runs do fail midway and must resume
    }))
    let runs = 0
    do {
      await sync.syncNow()
      runs++
    } while (sync.status.state !== 'idle' && runs < 50)
    sandbox.control.clearFaults()
    expect(sync.status.state).toBe('idle')
    expectConverged()
  })

  it('stops with the rejected key on a 401 mid-sync, keeping what it had', async () => {
    sandbox.control.setFaults({ rules: [{ path: /^\/api\/v1\/contacts$/, kind: 'status', status: 401, times: 100 }] })
    const events: SyncEvent[] = []
    const sync = engine(events)
    await sync.syncNow()
    expect(sync.status.state).toBe('key-rejected')
    expect(sync.status.message).toMatch(/API key/)
    // Conversations were synced before contacts and stay.
    expect(localSnapshot(store.sqlite).conversations.length).toBeGreaterThan(0)
    // No more runs until the key is replaced.
    sandbox.control.clearLog()
    await sync.syncNow()
    expect(apiRequests()).toHaveLength(0)
  })

  it('goes offline when the server is unreachable and catches up when it returns', async () => {
    const sync = engine()
    await sync.syncNow()
    await sandbox.control.setOffline(true)
    sandbox.control.injectInbound({ accountId: account().id, content: 'while you were away' })
    await sync.syncNow('poll')
    expect(sync.status.state).toBe('offline')
    expect(sync.status.message).toMatch(/refused|connect/i)
    await sandbox.control.setOffline(false)
    sync.resume()
    await sync.syncNow()
    expect(sync.status.state).toBe('idle')
    expectConverged()
  })
})

describe('a killed process', () => {
  it('resumes a first sync killed at random points and converges with no duplicates', async () => {
    const { spawn } = await import('node:child_process')
    sandbox = await fixture.replaceSandbox({ port: 0, seed: 8, accounts: 1, size: 'demo', rateLimit: { limit: 10_000, windowMs: 60_000 } })
    sandbox.control.setFaults({ latencyMs: 2 })
    const path = join(dir, 'killed.sqlite')
    let killedMidway = 0
    // Kill after a different number of page writes each time, then start again.
    for (const killAfter of [2, 8, 16]) {
      const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'sync-child.ts'), path, sandbox.url, account().apiKey], {
        stdio: ['ignore', 'pipe', 'inherit'],
      })
      let lines = 0
      let finished = false
      child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
        lines += chunk.split('\n').filter((l) => l.startsWith('changed')).length
        if (chunk.includes('done')) finished = true
        if (lines >= killAfter && !finished && !child.killed) {
          child.kill('SIGKILL')
          killedMidway++
        }
      })
      await new Promise((resolve) => child.on('exit', resolve))
    }
    expect(killedMidway).toBe(3)
    sandbox.control.clearFaults()
    store.close()
    store = openStore({ path })
    const sync = engine()
    await sync.syncNow()
    expect(sync.status.state).toBe('idle')
    expectConverged()
  }, 120_000)
})

describe('notes', () => {
  it('are read when a contact is opened, and kept as they were when offline', async () => {
    let now = Date.parse('2026-12-02T10:00:00Z')
    const sync = new AccountSync({ api: api(), db: store.db, onEvent: () => {}, timings: { pollMs: 3_600_000 }, now: () => now })
    syncs.push(sync)
    await sync.syncNow()
    const contactId = localSnapshot(store.sqlite).contacts[0]!.id
    await api().contacts.addNote(contactId, 'Called about the invoice — ملاحظة')
    await sync.fetchContact(contactId)
    const notes = () => store.sqlite.prepare('SELECT content FROM contact_notes WHERE contact_id = ?').all(contactId) as { content: string }[]
    expect(notes().map((n) => n.content)).toContain('Called about the invoice — ملاحظة')
    await sandbox.control.setOffline(true)
    now += 61_000
    await sync.fetchContact(contactId)
    expect(sync.status.state).toBe('idle') // a failed read of notes is not a failed sync
    expect(notes().map((n) => n.content)).toContain('Called about the invoice — ملاحظة')
    await sandbox.control.setOffline(false)
  })

  it('are not read again for a minute: the open contact is re-read after every change to it', async () => {
    let now = Date.parse('2026-12-02T10:00:00Z')
    const writer = engine()
    await writer.syncNow()
    const sync = new AccountSync({ api: api(), db: store.db, onEvent: () => {}, timings: { pollMs: 3_600_000 }, now: () => now })
    syncs.push(sync)
    const contactId = localSnapshot(store.sqlite).contacts[0]!.id
    const noteReads = () => apiRequests().filter((e) => e.path === `/api/v1/contacts/${contactId}/notes`).length
    await sync.fetchContact(contactId)
    await sync.fetchContact(contactId)
    expect(noteReads()).toBe(1)
    now += 61_000
    await sync.fetchContact(contactId)
    expect(noteReads()).toBe(2)
  })
})

describe('deletes waiting in the outbox', () => {
  it('are not undone by a sync before they are carried out', async () => {
    const { Outbox } = await import('../../../src/main/core/outbox')
    const sync = engine()
    await sync.syncNow()
    const client = api()
    const file = (await client.media.list({ per_page: 5 })).items.find((m) => m.uploaded_by !== 'admin')!
    const contactId = localSnapshot(store.sqlite).conversations[0]!.contact_id as number
    // Queued but not yet run: the outbox has not been started.
    const outbox = new Outbox({ api: client, db: store.db, stagingDir: join(dir, 'staging'), onEvent: () => {} })
    outbox.deleteMedia(file.id)
    outbox.deleteContact(contactId)
    sandbox.control.injectInbound({ accountId: account().id, contactId, content: 'still there upstream' })
    await sync.syncNow('refresh')
    const local = localSnapshot(store.sqlite)
    expect(local.media.map((m) => m.id)).not.toContain(file.id)
    expect(local.contacts.map((c) => c.id)).not.toContain(contactId)
    expect(local.conversations.map((c) => c.contact_id)).not.toContain(contactId)
    // Once carried out, the server agrees.
    outbox.start()
    await expect.poll(() => outbox.counts().queued + outbox.counts().inFlight, { timeout: 60_000 }).toBe(0)
    await outbox.stop()
    await sync.syncNow('full')
    expectConverged()
  })
})
