// The unread counts the sidebar and the channel filter show: the core's, over every stored
// conversation (not the pages a view loaded), and a conversation opened counts as read —
// kept in the app, since SkyLight's API has no way to mark one read.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../src/sandbox'
import { openCore, type Core } from '../../src/main/core'
import { SessionSecretStore } from '../../src/main/core/secrets/secret-store'
import { driveCore } from '../support/core-driver'

let sandbox: Sandbox
let dataDir: string
let core: Core
const { events, listen, forget, call, until } = driveCore(() => core)

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 4, accounts: 1, rateLimit: { limit: 10_000, windowMs: 60_000 } })
})
afterAll(async () => sandbox?.close())
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'skylight-unread-'))
  core = await openCore({ dataDir, appVersion: 'test', keychain: new SessionSecretStore(), rateLimit: { limit: 10_000, windowMs: 60_000 }, client: { maxAttempts: 2, retryBaseMs: 10 } })
  forget()
  listen(core)
})
afterEach(async () => {
  await core.close()
  await rm(dataDir, { recursive: true, force: true })
})

/** What SkyLight says, every page of /conversations read. */
async function serverConversations(): Promise<{ contact_id: number; channel: string | null; unread_count: number }[]> {
  const all = []
  for (let page = 1; ; page++) {
    const res = await fetch(`${sandbox.url}/api/v1/conversations?page=${page}&per_page=100`, { headers: { 'X-Api-Key': sandbox.accounts[0]!.apiKey, Accept: 'application/json' } })
    const body = (await res.json()) as { data: { contact_id: number; channel: string | null; unread_count: number }[]; meta: { last_page: number } }
    all.push(...body.data)
    if (page >= body.meta.last_page) return all
  }
}

describe('unread counts', () => {
  it('count every stored conversation, per channel too; opening one marks it read, and a poll keeps it so until a new message', async () => {
    const added = await call('account-add', { apiKey: sandbox.accounts[0]!.apiKey, baseUrl: sandbox.url })
    await until('sync-status', (s) => s.accountId === added.id && s.state === 'idle' && s.firstSyncDone)

    const server = await serverConversations()
    const total = server.reduce((n, c) => n + c.unread_count, 0)
    const byChannel: Record<string, number> = {}
    for (const c of server) if (c.channel && c.unread_count > 0) byChannel[c.channel] = (byChannel[c.channel] ?? 0) + c.unread_count
    const firstPage = (await call('conversations-page', { limit: 50 })).items
    expect(await call('unread-counts', {})).toEqual({ total, channels: byChannel })

    const unread = firstPage.find((c) => c.unreadCount > 0)!
    forget()
    await call('conversation-read', { contactId: unread.contactId })
    expect((await call('unread-counts', {})).total).toBe(total - unread.unreadCount)
    expect((await call('conversations-page', { limit: 50 })).items.find((c) => c.contactId === unread.contactId)!.unreadCount).toBe(0)
    await until('data-changed', (d) => d.resources.includes('conversations') && d.contactIds.includes(unread.contactId))
    await until('unread-total', (u) => u.count === total - unread.unreadCount)

    // SkyLight still counts them unread: a poll does not bring the badge back.
    forget()
    await call('sync-now', { kind: 'poll' })
    await until('sync-status', (s) => s.kind === null && s.state === 'idle')
    expect((await call('unread-counts', {})).total).toBe(total - unread.unreadCount)

    // A new message from that contact counts again.
    sandbox.control.injectInbound({ contactId: unread.contactId, content: 'One more question' })
    await call('sync-now', { kind: 'poll' })
    await expect.poll(async () => (await call('unread-counts', {})).total, { timeout: 60_000 }).toBe(total - unread.unreadCount + 1)
    expect((await call('conversations-page', { limit: 1 })).items[0]).toMatchObject({ contactId: unread.contactId, unreadCount: 1 })
  })
})
