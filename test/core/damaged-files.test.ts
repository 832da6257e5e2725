// Damaged files: the app opens, says what is damaged, never blames the key, and a damaged
// account copy is rebuilt from SkyLight keeping the outbox's unsent actions.
import { closeSync, existsSync, openSync, readdirSync, statSync, writeSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { openCore, type Core } from '../../src/main/core'
import { SessionSecretStore } from '../../src/main/core/secrets/secret-store'
import { DEFAULT_SETTINGS } from '../../src/main/core/settings'
import { startSandbox, type Sandbox } from '../../src/sandbox'
import { driveCore } from '../support/core-driver'

let sandbox: Sandbox
let dataDir: string
let keychain: SessionSecretStore
let core: Core | undefined
const { events, listen, forget, call, until, eventually } = driveCore(() => core)

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 11, accounts: 1, rateLimit: { limit: 10_000, windowMs: 60_000 } })
})
afterAll(async () => sandbox?.close())
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'skylight-damaged-'))
  keychain = new SessionSecretStore()
})
afterEach(async () => {
  await core?.close()
  core = undefined
  await rm(dataDir, { recursive: true, force: true })
})

async function open(): Promise<Core> {
  core = await openCore({ dataDir, appVersion: 'test', keychain, rateLimit: { limit: 10_000, windowMs: 60_000 }, client: { maxAttempts: 2, retryBaseMs: 10 } })
  forget()
  listen(core)
  return core
}

describe('a damaged accounts.json or settings.json', () => {
  it('is set aside with a message, and the app opens', async () => {
    await writeFile(join(dataDir, 'accounts.json'), '\u0000\u0000garbage{{{')
    await writeFile(join(dataDir, 'settings.json'), '{"syncIntervalSeconds": "often"')
    await open()
    expect(await call('accounts-list', {})).toEqual({ accounts: [], activeId: null })
    expect(await call('settings-get', {})).toEqual(DEFAULT_SETTINGS)
    const { notices } = await call('app-notices', {})
    expect(notices).toHaveLength(2)
    expect(notices.join('\n')).toMatch(/settings file was damaged/)
    expect(notices.join('\n')).toMatch(/list of your accounts was damaged/)
    const names = readdirSync(dataDir)
    expect(names.filter((n) => n.startsWith('accounts.json.damaged-'))).toHaveLength(1)
    expect(names.filter((n) => n.startsWith('settings.json.damaged-'))).toHaveLength(1)
    // And the files written next are whole.
    await call('settings-set', { syncIntervalSeconds: 60 })
    expect(await call('settings-get', {})).toMatchObject({ syncIntervalSeconds: 60 })
  })
})

describe('a damaged account.sqlite', () => {
  it('is named as damaged (not a key problem), and is rebuilt from SkyLight with its unsent actions', async () => {
    await open()
    const added = await call('account-add', { apiKey: sandbox.accounts[0]!.apiKey, baseUrl: sandbox.url })
    await until('sync-status', (s) => s.accountId === added.id && s.state === 'idle' && s.firstSyncDone)
    const contact = (await call('conversations-page', { limit: 1 })).items[0]!
    // Offline: the message waits in the outbox.
    await sandbox.control.setFaults({ offline: true })
    await call('message-send', { contactId: contact.contactId, text: 'Still there after the rebuild?' })
    await core!.close()
    core = undefined
    await sandbox.control.setFaults({ offline: false })

    const file = join(dataDir, 'accounts', added.id, 'account.sqlite')
    const pages = statSync(file).size / 4096
    const fd = openSync(file, 'r+')
    writeSync(fd, Buffer.alloc(4096), 0, 4096, Math.floor(pages / 2) * 4096)
    closeSync(fd)

    await open()
    const listed = (await call('accounts-list', {})).accounts[0]!
    expect(listed).toMatchObject({ id: added.id, keyMissing: false, localData: 'damaged' })
    expect(listed.localDataMessage).toMatch(/damaged/)
    const view = await core!.dispatch('conversations-page', { limit: 1 })
    expect(view).toMatchObject({ ok: false, error: { type: 'local-data' } })
    expect(view.ok === false && view.error.message).toMatch(/damaged.*Rebuild/)
    expect(view.ok === false && view.error.message).not.toMatch(/key/i)

    const rebuilt = await call('account-rebuild', { id: added.id })
    expect(rebuilt).toMatchObject({ localData: 'ok', localDataMessage: null })
    expect(readdirSync(join(dataDir, 'accounts', added.id)).some((n) => n.startsWith('account.sqlite.damaged-'))).toBe(true)
    // The unsent message is in the outbox at once, saying it waits for the new copy…
    const kept = (await call('outbox-list', {})).actions
    expect(kept).toHaveLength(1)
    expect(kept[0]).toMatchObject({ kind: 'send-message', state: 'failed' })
    expect(kept[0]!.lastError?.message).toMatch(/Kept from the damaged copy/)
    // …then goes once the first sync of the fresh copy is done, exactly once.
    await until('sync-status', (s) => s.accountId === added.id && s.state === 'idle' && s.firstSyncDone)
    const sent = () => (sandbox.control.dump(sandbox.accounts[0]!.id).messages[contact.contactId] ?? []).filter((m) => m.content === 'Still there after the rebuild?')
    await eventually(() => sent().length === 1)
    await eventually(async () => (await call('outbox-list', {})).actions.every((a) => a.state === 'done'))
    expect(sent()).toHaveLength(1)
    expect(existsSync(join(dataDir, 'accounts', added.id, 'rebuild-pending.json'))).toBe(false)
    expect((await call('conversations-page', { limit: 5 })).items.length).toBeGreaterThan(0)
  })
})
