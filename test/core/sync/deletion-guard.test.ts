// A full pass that meets a suspicious page never deletes local data: an empty page where
// rows were known, a page whose every item fails validation, an empty list. It says so in
// the sync status, and the next clean pass converges.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../src/sandbox'
import { createSkyLightApi, RateBudget, type Page, type SkyLightApi } from '../../../src/main/core/skylight'
import { openStore, type Store } from '../../../src/main/core/store'
import { AccountSync } from '../../../src/main/core/sync/account-sync'
import { localSnapshot, serverSnapshot } from './snapshot'

let sandbox: Sandbox
let dir: string
let store: Store
let sync: AccountSync
/** Rewrites one answer the client has already validated (the sandbox has no fault that sends a well-formed but empty or all-invalid page). */
let tamper: ((path: 'contacts' | 'conversations' | 'media', page: number, result: Page<unknown>) => Page<unknown>) | null = null

beforeEach(async () => {
  sandbox = await startSandbox({
    port: 0,
    seed: 3,
    accounts: 1,
    size: { contacts: 260, conversations: 130, messagesPerConversation: 3, media: 120, campaigns: 1 },
    rateLimit: { limit: 10_000, windowMs: 60_000 },
  })
  dir = await mkdtemp(join(tmpdir(), 'skylight-guard-'))
  store = openStore({ path: join(dir, 'account.sqlite') })
  tamper = null
  sync = new AccountSync({ api: tampered(), db: store.db, onEvent: () => {}, timings: { pollMs: 3_600_000 } })
})
afterEach(async () => {
  await sync.stop()
  store.close()
  await sandbox.close()
  await rm(dir, { recursive: true, force: true })
})

function tampered(): SkyLightApi {
  const api = createSkyLightApi({
    baseUrl: sandbox.url,
    apiKey: sandbox.accounts[0]!.apiKey,
    budget: new RateBudget({ limit: 10_000, windowMs: 60_000 }),
    retryBaseMs: 5,
    retryMaxMs: 10,
  })
  const wrap = <Q extends { page?: number }, T>(path: 'contacts' | 'conversations' | 'media', list: (q: Q, o?: never) => Promise<Page<T>>) =>
    async (q: Q, o?: never) => {
      const result = await list(q, o)
      return (tamper ? tamper(path, q.page ?? 1, result) : result) as Page<T>
    }
  const contactsList = api.contacts.list.bind(api.contacts)
  const conversations = api.messages.conversations.bind(api.messages)
  const mediaList = api.media.list.bind(api.media)
  api.contacts.list = wrap('contacts', contactsList as never) as typeof api.contacts.list
  api.messages.conversations = wrap('conversations', conversations as never) as typeof api.messages.conversations
  api.media.list = wrap('media', mediaList as never) as typeof api.media.list
  return api
}

const count = (table: string) => (store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
const expectConverged = () => expect(localSnapshot(store.sqlite)).toEqual(serverSnapshot(sandbox.control.dump(sandbox.accounts[0]!.id)))

async function firstSync() {
  await sync.syncNow()
  expect(sync.status.state).toBe('idle')
  expectConverged()
  return { contacts: count('contacts'), conversations: count('conversations'), messages: count('messages'), media: count('media') }
}

describe('a full pass that meets a suspicious page', () => {
  const cases: [string, (path: string, page: number, r: Page<unknown>) => Page<unknown>][] = [
    ['an empty but valid page of contacts', (path, page, r) => (path === 'contacts' && page === 2 ? { ...r, items: [] } : r)],
    ['a page of contacts whose every item fails validation', (path, page, r) => (path === 'contacts' && page === 2 ? { ...r, items: [], skipped: r.items.length } : r)],
    ['an empty contact list', (path, _page, r) => (path === 'contacts' ? { ...r, items: [], total: 0, lastPage: 1 } : r)],
    ['an empty page of conversations', (path, page, r) => (path === 'conversations' && page === 1 ? { ...r, items: [] } : r)],
    ['an empty conversation list', (path, _page, r) => (path === 'conversations' ? { ...r, items: [], total: 0, lastPage: 1 } : r)],
    ['a media page whose every item fails validation', (path, page, r) => (path === 'media' && page === 1 ? { ...r, items: [], skipped: r.items.length } : r)],
  ]
  it.each(cases)('%s removes nothing and says so', async (_name, rewrite) => {
    const before = await firstSync()
    tamper = rewrite
    await sync.syncNow('full')
    expect({ contacts: count('contacts'), conversations: count('conversations'), messages: count('messages'), media: count('media') }).toEqual(before)
    expect(sync.status.state).toBe('error')
    expect(sync.status.message).toMatch(/nothing was removed|kept on this computer/)
    // The server's answers are whole again: the pass completes and matches it.
    tamper = null
    await sync.syncNow('full')
    expect(sync.status.state).toBe('idle')
    expectConverged()
  })

  it('still removes what was deleted upstream when a few unreadable items can be asked about one by one', async () => {
    await firstSync()
    const dump = sandbox.control.dump(sandbox.accounts[0]!.id)
    const other = tampered()
    const gone = dump.contacts.at(-1)!.id as number
    await other.contacts.delete(gone)
    // One item of page 1 fails validation (the one just deleted is simply absent).
    tamper = (path, page, r) => (path === 'contacts' && page === 1 ? { ...r, items: r.items.slice(1), skipped: 1 } : r)
    await sync.syncNow('full')
    expect(sync.status.state).toBe('idle')
    expect(store.sqlite.prepare('SELECT id FROM contacts WHERE id = ?').get(gone)).toBeUndefined()
    tamper = null
    await sync.syncNow('full')
    expectConverged()
  })
})
