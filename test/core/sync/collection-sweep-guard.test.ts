// Tags, lists, segments, their members, campaigns and their recipients are re-read whole and
// what the server no longer lists is removed — but never after a suspicious answer: an
// empty page where rows were known, a list that says it is empty, a page whose every item
// fails validation (the sandbox's answer faults). Nothing is removed, the sync status says
// why, and the next clean read converges.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox, type FaultKind, type Sandbox } from '../../../src/sandbox'
import { createSkyLightApi, RateBudget } from '../../../src/main/core/skylight'
import { openStore, type Store } from '../../../src/main/core/store'
import { AccountSync } from '../../../src/main/core/sync/account-sync'

let sandbox: Sandbox
let dir: string
let store: Store
let sync: AccountSync

beforeEach(async () => {
  sandbox = await startSandbox({ port: 0, seed: 5, accounts: 1, size: { contacts: 120, conversations: 20, messagesPerConversation: 2, media: 5, campaigns: 3 }, rateLimit: { limit: 10_000, windowMs: 60_000 } })
  dir = await mkdtemp(join(tmpdir(), 'skylight-collection-guard-'))
  store = openStore({ path: join(dir, 'account.sqlite') })
  const api = createSkyLightApi({ baseUrl: sandbox.url, apiKey: sandbox.accounts[0]!.apiKey, budget: new RateBudget({ limit: 10_000, windowMs: 60_000 }), retryBaseMs: 5, retryMaxMs: 10 })
  sync = new AccountSync({ api, db: store.db, onEvent: () => {}, timings: { pollMs: 3_600_000 } })
})
afterEach(async () => {
  await sync.stop()
  store.close()
  await sandbox.close()
  await rm(dir, { recursive: true, force: true })
})

const TABLES = ['tags', 'lists', 'segments', 'list_members', 'segment_members', 'campaigns', 'campaign_contacts'] as const
const counts = () => Object.fromEntries(TABLES.map((t) => [t, (store.sqlite.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]))

describe('a whole-collection read that meets a suspicious answer', () => {
  const cases: [string, RegExp, FaultKind][] = [
    ['an empty tag list', /^\/api\/v1\/tags$/, 'empty-list'],
    ['tags whose every item fails validation', /^\/api\/v1\/tags$/, 'invalid-items'],
    ['an empty page of lists', /^\/api\/v1\/contacts\/lists$/, 'empty-page'],
    ['an empty segment list', /^\/api\/v1\/contacts\/segments$/, 'empty-list'],
    ['segments whose every item fails validation', /^\/api\/v1\/contacts\/segments$/, 'invalid-items'],
    ['an empty member list of a list', /^\/api\/v1\/contacts\/lists\/\d+\/members$/, 'empty-list'],
    ['members of a list that all fail validation', /^\/api\/v1\/contacts\/lists\/\d+\/members$/, 'invalid-items'],
    ['an empty campaign list', /^\/api\/v1\/campaigns$/, 'empty-list'],
    ['campaigns whose every item fails validation', /^\/api\/v1\/campaigns$/, 'invalid-items'],
    ['an empty page of a campaign’s recipients', /^\/api\/v1\/campaigns\/\d+\/contacts$/, 'empty-page'],
  ]
  it.each(cases)('%s removes nothing and says so', async (_name, path, kind) => {
    await sync.syncNow()
    expect(sync.status.state).toBe('idle')
    const before = counts()
    expect(Math.min(before.tags!, before.lists!, before.segments!, before.list_members!, before.campaigns!, before.campaign_contacts!)).toBeGreaterThan(0)
    // Every answer of the kind is suspicious in this pass (each list's members, each campaign's recipients).
    sandbox.control.setFaults({ rules: [{ method: 'GET', path, kind, times: 100 }] })
    await sync.syncNow('full')
    expect(counts()).toEqual(before)
    expect(sync.status.state).toBe('error')
    expect(sync.status.message).toMatch(/nothing was removed|kept on this computer/)
    // Whole answers again: the pass completes, and what was deleted upstream meanwhile goes.
    sandbox.control.clearFaults()
    await sync.syncNow('full')
    expect(sync.status.state).toBe('idle')
    expect(counts()).toEqual(before)
  })

  it('still removes a tag deleted upstream once the answers are whole', async () => {
    await sync.syncNow()
    const api = createSkyLightApi({ baseUrl: sandbox.url, apiKey: sandbox.accounts[0]!.apiKey, budget: new RateBudget({ limit: 10_000, windowMs: 60_000 }) })
    const before = counts()
    const tag = (await api.tags.list()).items[0]!
    await api.tags.delete(tag.id)
    sandbox.control.setFaults({ rules: [{ method: 'GET', path: /^\/api\/v1\/tags$/, kind: 'empty-list' }] })
    await sync.syncNow('full')
    expect(counts().tags).toBe(before.tags)
    await sync.syncNow('full')
    expect(sync.status.state).toBe('idle')
    expect(counts().tags).toBe(before.tags! - 1)
  })
})
