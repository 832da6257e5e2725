// The core through its contract, as the app and the browser test host use it: accounts,
// sync status and change events, settings, the demo account, and a restart.
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../src/sandbox'
import { openCore, type Core } from '../../src/main/core'
import { SessionSecretStore } from '../../src/main/core/secrets/secret-store'
import { driveCore } from '../support/core-driver'

let sandbox: Sandbox
let dataDir: string
let keychain: SessionSecretStore
let core: Core
const { events, listen, forget, call, until } = driveCore(() => core)

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 4, accounts: 2, rateLimit: { limit: 10_000, windowMs: 60_000 } })
})
afterAll(async () => sandbox?.close())
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'skylight-core-'))
  keychain = new SessionSecretStore()
  core = await open()
})
afterEach(async () => {
  await core.close()
  await rm(dataDir, { recursive: true, force: true })
})

async function open(extra: { mediaUrl?: (relativePath: string) => string } = {}): Promise<Core> {
  const opened = await openCore({
    ...extra,
    dataDir,
    appVersion: 'test',
    keychain,
    rateLimit: { limit: 10_000, windowMs: 60_000 },
    client: { maxAttempts: 2, retryBaseMs: 10 },
  })
  forget()
  listen(opened)
  return opened
}

describe('the core', () => {
  it('reads a contact’s notes from SkyLight when the contact is opened', async () => {
    const added = await call('account-add', { apiKey: sandbox.accounts[0]!.apiKey, baseUrl: sandbox.url })
    await until('sync-status', (s) => s.accountId === added.id && s.state === 'idle' && s.firstSyncDone)
    const { items } = await call('contacts-page', { limit: 1 })
    const id = items[0]!.id
    await fetch(`${sandbox.url}/api/v1/contacts/${id}/notes`, {
      method: 'POST',
      headers: { 'X-Api-Key': sandbox.accounts[0]!.apiKey, 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ note: 'Prefers WhatsApp after 6 pm' }),
    })
    expect((await call('contact-get', { id })).notes).toEqual([])
    await until('data-changed', (c) => c.resources.includes('contacts') && c.contactIds.includes(id))
    expect((await call('contact-get', { id })).notes.map((n) => n.content)).toEqual(['Prefers WhatsApp after 6 pm'])
  })

  it('adds an account, syncs it, and tells the views what changed', async () => {
    const added = await call('account-add', { apiKey: sandbox.accounts[0]!.apiKey, baseUrl: sandbox.url })
    expect(added).toMatchObject({ serverId: sandbox.accounts[0]!.id, keyStorage: 'keychain', keyRejected: false, isDemo: false })
    expect((await call('accounts-list', {})).activeId).toBe(added.id)
    await until('sync-status', (s) => s.accountId === added.id && s.state === 'idle' && s.firstSyncDone)
    const changed = events.filter((e) => e.event === 'data-changed').flatMap((e) => (e.payload as { resources: string[] }).resources)
    expect(changed).toContain('conversations')
    expect(await call('sync-status', {})).toMatchObject({ accountId: added.id, state: 'idle', firstSyncDone: true })
  })

  it('announces messages that arrive after the first sync (for notifications) and the unread total', async () => {
    const added = await call('account-add', { apiKey: sandbox.accounts[0]!.apiKey, baseUrl: sandbox.url })
    await until('sync-status', (s) => s.accountId === added.id && s.state === 'idle' && s.firstSyncDone)
    expect(events.filter((e) => e.event === 'inbound-message')).toEqual([]) // the history is not news
    const before = await until('unread-total', () => true)
    const message = sandbox.control.injectInbound({ accountId: sandbox.accounts[0]!.id, content: 'Is my order on its way? 📦' })
    forget()
    await call('sync-now', { kind: 'poll' })
    const inbound = await until('inbound-message', () => true)
    expect(inbound).toMatchObject({ accountId: added.id, contactId: message.contact_id, preview: 'Is my order on its way? 📦' })
    expect(inbound.contactName.length).toBeGreaterThan(0)
    expect((await until('unread-total', () => true)).count).toBe(before.count + 1)
  })

  it('refuses a wrong key with a message the user can act on', async () => {
    const result = await core.dispatch('account-add', { apiKey: 'sk_test_wrong', baseUrl: sandbox.url })
    expect(result).toMatchObject({ ok: false, error: { type: 'validation', message: expect.stringMatching(/did not accept/) } })
    expect((await call('accounts-list', {})).accounts).toEqual([])
  })

  it('keeps accounts across a restart, and asks again for a session-only key', async () => {
    const kept = await call('account-add', { apiKey: sandbox.accounts[0]!.apiKey, baseUrl: sandbox.url })
    const sessionOnly = await call('account-add', { apiKey: sandbox.accounts[1]!.apiKey, baseUrl: sandbox.url, sessionOnly: true })
    await core.close()
    core = await open()
    const list = await call('accounts-list', {})
    expect(list.accounts.map((a) => [a.id, a.keyMissing])).toEqual([
      [kept.id, false],
      [sessionOnly.id, true],
    ])
    const missing = await core.dispatch('sync-now', { accountId: sessionOnly.id })
    expect(missing).toMatchObject({ ok: false, error: { type: 'unauthorized', message: expect.stringMatching(/API key again/) } })
    await call('account-replace-key', { id: sessionOnly.id, apiKey: sandbox.accounts[1]!.apiKey, sessionOnly: true })
    expect((await call('accounts-list', {})).accounts.find((a) => a.id === sessionOnly.id)?.keyMissing).toBe(false)
  })

  it('removes an account with its files and key', async () => {
    const added = await call('account-add', { apiKey: sandbox.accounts[0]!.apiKey, baseUrl: sandbox.url })
    await until('sync-status', (s) => s.accountId === added.id && s.state === 'idle')
    expect(await readdir(join(dataDir, 'accounts'))).toEqual([added.id])
    const after = await call('account-remove', { id: added.id })
    expect(after).toEqual({ accounts: [], activeId: null })
    expect(await readdir(join(dataDir, 'accounts'))).toEqual([])
    expect(await keychain.get(added.id)).toBeNull()
  })

  it('stops an account’s sync when SkyLight rejects its key, and marks it', async () => {
    sandbox.control.setFaults({ rules: [{ path: '/account', kind: 'status', status: 401, times: 1 }] })
    const added = await call('account-add', { apiKey: sandbox.accounts[0]!.apiKey, baseUrl: sandbox.url }).catch(() => null)
    // The add itself met the 401: nothing saved. Now add for real and reject mid-sync.
    expect(added).toBeNull()
    sandbox.control.setFaults({ rules: [{ path: /^\/api\/v1\/conversations/, kind: 'status', status: 401, times: 1 }] })
    const account = await call('account-add', { apiKey: sandbox.accounts[0]!.apiKey, baseUrl: sandbox.url })
    await until('accounts-changed', (l) => l.accounts.some((a) => a.id === account.id && a.keyRejected))
    expect(await call('sync-status', {})).toMatchObject({ state: 'key-rejected' })
    sandbox.control.clearFaults()
  })

  it('serves cached media at the shell’s URLs when it has them, and removes the cache with the account', async () => {
    await core.close()
    core = await open({ mediaUrl: (relativePath) => `skylight-media://cache/${relativePath}` })
    const added = await call('account-add', { apiKey: sandbox.accounts[0]!.apiKey, baseUrl: sandbox.url })
    await until('sync-status', (s) => s.accountId === added.id && s.state === 'idle' && s.firstSyncDone)
    const image = (await call('media-page', {})).items.find((m) => m.fileType === 'image')!
    const { src } = await call('media-thumbnail', { id: image.id })
    expect(src).toMatch(new RegExp(`^skylight-media://cache/${added.id}/`))
    const file = join(dataDir, 'media-cache', decodeURIComponent(src!.replace('skylight-media://cache/', '')))
    expect((await readdir(join(dataDir, 'media-cache', added.id))).length).toBe(1)
    expect(file.startsWith(join(dataDir, 'media-cache', added.id))).toBe(true)
    expect(await call('media-open', { id: image.id })).toEqual({ mimeType: image.mimeType, src })
    await call('account-remove', { id: added.id })
    expect(await readdir(join(dataDir, 'media-cache'))).toEqual([])
  })

  it('saves settings and applies them', async () => {
    const defaults = { syncIntervalSeconds: 30, mediaCacheMb: 1024, notifications: true, notificationSound: true, sendWith: 'enter', language: 'system', digits: 'latin' }
    expect(await call('settings-get', {})).toEqual(defaults)
    await call('settings-set', { syncIntervalSeconds: 120, notificationSound: false, sendWith: 'ctrl-enter' })
    await core.close()
    core = await open()
    expect(await call('settings-get', {})).toEqual({ ...defaults, syncIntervalSeconds: 120, notificationSound: false, sendWith: 'ctrl-enter' })
  })

  it('opens a demo account on a built-in server, again after a restart', async () => {
    const demo = await call('account-add-demo', {})
    expect(demo).toMatchObject({ isDemo: true, keyStorage: 'demo' })
    expect(new URL(demo.baseUrl).hostname).toBe('127.0.0.1')
    await until('sync-status', (s) => s.accountId === demo.id && s.state === 'idle' && s.firstSyncDone)
    expect((await call('account-add-demo', {})).id).toBe(demo.id) // not added twice
    await core.close()
    core = await open()
    await call('sync-now', { accountId: demo.id, kind: 'poll' })
    await until('sync-status', (s) => s.accountId === demo.id && s.state === 'idle')
    expect((await call('accounts-list', {})).accounts[0]).toMatchObject({ id: demo.id, keyMissing: false })
  }, 300_000)
})
