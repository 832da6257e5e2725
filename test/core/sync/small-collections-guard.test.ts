// Tickets, departments, knowledge-base entries, the team, webhooks, AI agents, bookings and
// their types and resources, web chat sessions and voice dialects are re-read whole and what
// the server no longer lists is removed — but never after a suspicious answer (the sandbox's
// answer faults: an empty page, a list that says it is empty, a page whose every item fails
// validation): nothing is removed, the sync status says why, and the next clean read
// converges, removing what was deleted upstream meanwhile. Rows the outbox still has work
// for stay whatever the server says.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Outbox } from '../../../src/main/core/outbox'
import { createSkyLightApi, RateBudget, type SkyLightApi } from '../../../src/main/core/skylight'
import { openStore, type Store } from '../../../src/main/core/store'
import { AccountSync } from '../../../src/main/core/sync/account-sync'
import { markSlowCollectionsDue } from '../../../src/main/core/sync/plans'
import { startSandbox, type FaultKind, type Sandbox } from '../../../src/sandbox'

let sandbox: Sandbox
let dir: string
let store: Store
let sync: AccountSync
let api: SkyLightApi
let accountId: number

beforeEach(async () => {
  sandbox = await startSandbox({ port: 0, seed: 9, accounts: 1, size: { contacts: 30, conversations: 5, messagesPerConversation: 2, media: 2, campaigns: 1 }, rateLimit: { limit: 10_000, windowMs: 60_000 } })
  accountId = sandbox.accounts[0]!.id
  dir = await mkdtemp(join(tmpdir(), 'skylight-small-guard-'))
  store = openStore({ path: join(dir, 'account.sqlite') })
  const budget = () => new RateBudget({ limit: 10_000, windowMs: 60_000 })
  api = createSkyLightApi({ baseUrl: sandbox.url, apiKey: sandbox.accounts[0]!.apiKey, budget: budget(), retryBaseMs: 5, retryMaxMs: 10 })
  sync = new AccountSync({ api, db: store.db, onEvent: () => {}, timings: { pollMs: 3_600_000, fullPassMs: 365 * 86_400_000 } })
  await sync.syncNow('first')
  expect(sync.status.state).toBe('idle')
})
afterEach(async () => {
  await sync.stop()
  store.close()
  await sandbox.close()
  await rm(dir, { recursive: true, force: true })
})

const count = (table: string) => (store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
const firstId = <T>(table: string, key = 'id'): T => (store.sqlite.prepare(`SELECT ${key} AS k FROM ${table} ORDER BY ${key} LIMIT 1`).get() as { k: T }).k

/** A refresh that reads every collection now (the user's "Sync now"). */
async function refresh(): Promise<void> {
  markSlowCollectionsDue(store.db)
  await sync.syncNow('refresh')
}

interface Collection {
  name: string
  table: string
  path: RegExp
  /** Which run removes what is gone: the slow collections' refresh, or (bookings) only a full pass. */
  pass: 'refresh' | 'full'
  /** Deletes one stored row on SkyLight's side; absent where nothing upstream deletes them. */
  deleteOne?: () => Promise<void>
}

const run = (pass: Collection['pass']) => (pass === 'refresh' ? refresh() : sync.syncNow('full'))

const collections: Collection[] = [
  { name: 'tickets', table: 'tickets', path: /^\/api\/v1\/tickets$/, pass: 'refresh', deleteOne: async () => void sandbox.control.removeTicket(accountId, firstId('tickets')) },
  { name: 'ticket departments', table: 'ticket_departments', path: /^\/api\/v1\/tickets\/departments$/, pass: 'refresh' },
  { name: 'knowledge base entries', table: 'kb_entries', path: /^\/api\/v1\/knowledge-base$/, pass: 'refresh', deleteOne: () => api.knowledgeBase.delete(firstId('kb_entries')) },
  { name: 'team members', table: 'team_members', path: /^\/api\/v1\/team$/, pass: 'refresh', deleteOne: async () => api.team.delete((store.sqlite.prepare(`SELECT id FROM team_members WHERE role <> 'owner' ORDER BY id DESC LIMIT 1`).get() as { id: number }).id) },
  { name: 'webhooks', table: 'webhooks', path: /^\/api\/v1\/webhooks$/, pass: 'refresh', deleteOne: () => api.webhooks.delete(firstId('webhooks')) },
  { name: 'AI agents', table: 'ai_agents', path: /^\/api\/v1\/ai-agents$/, pass: 'refresh', deleteOne: () => api.aiAgents.delete((store.sqlite.prepare(`SELECT id FROM ai_agents WHERE is_default = 0 ORDER BY id LIMIT 1`).get() as { id: number }).id) },
  { name: 'bookings', table: 'bookings', path: /^\/api\/v1\/bookings$/, pass: 'full', deleteOne: async () => void sandbox.control.removeBooking(accountId, firstId('bookings')) },
  { name: 'booking types', table: 'booking_types', path: /^\/api\/v1\/bookings\/types$/, pass: 'refresh' },
  { name: 'booking resources', table: 'booking_resources', path: /^\/api\/v1\/bookings\/resources$/, pass: 'refresh' },
  { name: 'web chat sessions', table: 'web_chat_sessions', path: /^\/api\/v1\/web-chat\/sessions$/, pass: 'refresh', deleteOne: async () => void sandbox.control.removeWebChatSession(accountId, firstId('web_chat_sessions', 'session_id')) },
  { name: 'voice dialects', table: 'voice_dialects', path: /^\/api\/v1\/voice\/dialects$/, pass: 'refresh' },
]
const faults: FaultKind[] = ['empty-page', 'empty-list', 'invalid-items']
const cases = collections.flatMap((c) => faults.map((fault) => [c.name, fault, c] as const))

describe('a whole read of a small collection that meets a suspicious answer', () => {
  it.each(cases)('%s, %s: nothing removed, the status says so, the next clean read converges', async (_name, fault, c) => {
    const before = count(c.table)
    expect(before).toBeGreaterThan(0)
    // Every answer of the list is suspicious in this run.
    sandbox.control.setFaults({ rules: [{ method: 'GET', path: c.path, kind: fault, times: 100 }] })
    await run(c.pass)
    expect(count(c.table)).toBe(before)
    expect(sync.status.state).toBe('error')
    expect(sync.status.message).toMatch(/nothing was removed|kept on this computer/)

    // Whole answers again; what was deleted upstream meanwhile goes, and only that.
    sandbox.control.clearFaults()
    await c.deleteOne?.()
    await run(c.pass)
    expect(sync.status.state).toBe('idle')
    expect(count(c.table)).toBe(c.deleteOne ? before - 1 : before)
  })
})

describe('a list emptied upstream', () => {
  it('is believed once every stored row, asked for on its own, is gone', async () => {
    for (const { id } of await api.webhooks.list().then((p) => p.items)) await api.webhooks.delete(id)
    await refresh()
    expect(sync.status.state).toBe('idle')
    expect(count('webhooks')).toBe(0)
  })

  it('is refused while a stored row is still there', async () => {
    const before = count('webhooks')
    sandbox.control.setFaults({ rules: [{ method: 'GET', path: /^\/api\/v1\/webhooks$/, kind: 'empty-list', times: 100 }] })
    await refresh()
    expect(count('webhooks')).toBe(before)
    expect(sync.status.message).toMatch(/no webhooks, though \d+ are stored here/)
  })
})

describe('a refresh with one refusal', () => {
  it('still reads the other collections, and names the one it refused', async () => {
    // AI agents are read after tickets.
    const agents = count('ai_agents')
    await api.aiAgents.delete((store.sqlite.prepare(`SELECT id FROM ai_agents WHERE is_default = 0 ORDER BY id LIMIT 1`).get() as { id: number }).id)
    sandbox.control.setFaults({ rules: [{ method: 'GET', path: /^\/api\/v1\/tickets$/, kind: 'empty-list', times: 100 }] })
    await refresh()
    expect(sync.status.message).toMatch(/no tickets, though \d+ are stored here/)
    expect(count('ai_agents')).toBe(agents - 1)
  })
})

describe('a row the outbox still has work for', () => {
  it('stays when the server no longer lists it, with what hangs off it', async () => {
    const outbox = new Outbox({ api, db: store.db, stagingDir: join(dir, 'staging'), onEvent: () => {} })
    try {
      const ticketId = firstId<number>('tickets')
      const repliesBefore = count('ticket_replies')
      // Queued, not sent: the outbox is never started.
      outbox.queue('reply-ticket', { ticketId, text: 'Any news on this?' })
      expect(count('ticket_replies')).toBe(repliesBefore + 1)
      sandbox.control.removeTicket(accountId, ticketId)
      await sync.syncNow('full')
      expect(sync.status.state).toBe('idle')
      expect(store.sqlite.prepare('SELECT count(*) AS n FROM tickets WHERE id = ?').get(ticketId)).toEqual({ n: 1 })
      expect(count('ticket_replies')).toBe(repliesBefore + 1)
    } finally {
      await outbox.stop()
    }
  })
})
