// Accounts against the sandbox, with real files in a temp folder. Keys go to a
// SessionSecretStore here; the keychain itself is covered by test/core/secrets.
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../src/sandbox'
import { AccountManager } from '../../../src/main/core/accounts/account-manager'
import { KeychainUnavailableError, SessionSecretStore, type SecretStore } from '../../../src/main/core/secrets/secret-store'
import { RateBudgets } from '../../../src/main/core/skylight/rate-budgets'

let sandbox: Sandbox
let dataDir: string
let keychain: SessionSecretStore
let session: SessionSecretStore

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 3, accounts: 2 })
})
afterAll(async () => sandbox?.close())
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'skylight-accounts-'))
  keychain = new SessionSecretStore()
  session = new SessionSecretStore()
  return () => rm(dataDir, { recursive: true, force: true })
})

function open(keys: SecretStore = keychain) {
  return AccountManager.open({ dataDir, keychain: keys, session, budgets: new RateBudgets(), client: { maxAttempts: 1 } })
}

describe('AccountManager', () => {
  it('checks the key with SkyLight before saving, and keeps the key out of its files', async () => {
    const manager = await open()
    const key = sandbox.accounts[0]!.apiKey
    const account = await manager.add({ apiKey: `  ${key}  `, baseUrl: sandbox.url })
    expect(account).toMatchObject({ serverId: sandbox.accounts[0]!.id, keyStorage: 'keychain' })
    expect(await keychain.get(account.id)).toBe(key)
    expect(manager.activeId).toBe(account.id)
    const registry = await readFile(join(dataDir, 'accounts.json'), 'utf8')
    expect(registry).not.toContain(key)
    // Reopening finds it again.
    expect((await open()).list().map((a) => a.id)).toEqual([account.id])
  })

  it('refuses a rejected key and saves nothing', async () => {
    const manager = await open()
    await expect(manager.add({ apiKey: 'sk_test_not_a_key', baseUrl: sandbox.url })).rejects.toMatchObject({
      type: 'validation',
      message: expect.stringMatching(/did not accept this API key/),
    })
    expect(manager.list()).toEqual([])
    await expect(stat(join(dataDir, 'accounts.json'))).rejects.toThrow()
  })

  it('explains a server that cannot be reached', async () => {
    const manager = await open()
    await expect(manager.add({ apiKey: 'k', baseUrl: 'http://127.0.0.1:9' })).rejects.toMatchObject({ type: 'network' })
    await expect(manager.add({ apiKey: '', baseUrl: sandbox.url })).rejects.toMatchObject({ type: 'validation' })
  })

  it('holds several accounts, switches, and refuses the same one twice', async () => {
    const manager = await open()
    const first = await manager.add({ apiKey: sandbox.accounts[0]!.apiKey, baseUrl: sandbox.url })
    const second = await manager.add({ apiKey: sandbox.accounts[1]!.apiKey, baseUrl: sandbox.url })
    await expect(manager.add({ apiKey: sandbox.accounts[0]!.apiKey, baseUrl: sandbox.url })).rejects.toThrow(/already/)
    await manager.setActive(second.id)
    expect((await open()).activeId).toBe(second.id)
    const api = await manager.api(first.id)
    expect((await api!.account.get()).id).toBe(sandbox.accounts[0]!.id)
  })

  it('keeps the key for this session only when asked, when there is no keychain', async () => {
    const noKeychain: SecretStore = {
      kind: 'keychain',
      get: async () => Promise.reject(new KeychainUnavailableError('no bus', 'linux')),
      set: async () => Promise.reject(new KeychainUnavailableError('no bus', 'linux')),
      delete: async () => Promise.reject(new KeychainUnavailableError('no bus', 'linux')),
    }
    const manager = await open(noKeychain)
    const key = sandbox.accounts[0]!.apiKey
    await expect(manager.add({ apiKey: key, baseUrl: sandbox.url })).rejects.toBeInstanceOf(KeychainUnavailableError)
    expect(manager.list()).toEqual([])
    const account = await manager.add({ apiKey: key, baseUrl: sandbox.url, sessionOnly: true })
    expect(account.keyStorage).toBe('session')
    expect(await session.get(account.id)).toBe(key)
    // After a restart the session key is gone: the account stays, without a client.
    session = new SessionSecretStore()
    expect(await (await open(noKeychain)).api(account.id)).toBeNull()
  })

  it('marks a rejected key, and takes a new key only for the same account', async () => {
    const manager = await open()
    const account = await manager.add({ apiKey: sandbox.accounts[0]!.apiKey, baseUrl: sandbox.url })
    await manager.markKeyRejected(account.id)
    expect(manager.get(account.id).keyRejectedAt).not.toBeNull()
    await expect(manager.replaceKey(account.id, sandbox.accounts[1]!.apiKey)).rejects.toThrow(/not “/)
    const fixed = await manager.replaceKey(account.id, sandbox.accounts[0]!.apiKeys.at(-1)!)
    expect(fixed.keyRejectedAt).toBeNull()
  })

  it('removes an account with its key and its local files', async () => {
    const manager = await open()
    const account = await manager.add({ apiKey: sandbox.accounts[0]!.apiKey, baseUrl: sandbox.url })
    const folder = manager.folder(account.id)
    await mkdir(folder, { recursive: true })
    await writeFile(join(folder, 'store.sqlite'), 'data')
    await manager.remove(account.id)
    expect(await keychain.get(account.id)).toBeNull()
    await expect(stat(folder)).rejects.toThrow()
    expect(manager.list()).toEqual([])
    expect(manager.activeId).toBeNull()
  })

  it('keeps the voice provider key beside the API key, moves it with the key, and deletes it with the account', async () => {
    const redacted = new Set<string>()
    const manager = await AccountManager.open({
      dataDir, keychain, session, budgets: new RateBudgets(), client: { maxAttempts: 1 },
      redactor: { addSecret: (s) => void redacted.add(s), removeSecret: (s) => void redacted.delete(s) },
    })
    const key = sandbox.accounts[0]!.apiKey
    const account = await manager.add({ apiKey: key, baseUrl: sandbox.url, sessionOnly: true })
    await manager.setSecret(account.id, 'voice-provider-key', 'sk_voice_first_000001')
    expect(await session.get(`${account.id}:voice-provider-key`)).toBe('sk_voice_first_000001')
    expect(redacted.has('sk_voice_first_000001')).toBe(true)
    await manager.setSecret(account.id, 'voice-provider-key', 'sk_voice_second_00002')
    expect(redacted.has('sk_voice_first_000001')).toBe(false)
    expect(await manager.secret(account.id, 'voice-provider-key')).toBe('sk_voice_second_00002')
    // The session-only key is replaced by one kept in the keychain: the voice key follows.
    await manager.replaceKey(account.id, key)
    expect(await keychain.get(`${account.id}:voice-provider-key`)).toBe('sk_voice_second_00002')
    expect(await session.get(`${account.id}:voice-provider-key`)).toBeNull()
    expect(await keychain.get(account.id)).toBe(key)
    await manager.remove(account.id)
    expect(await keychain.get(`${account.id}:voice-provider-key`)).toBeNull()
    expect(redacted.has('sk_voice_second_00002')).toBe(false)
  })
})
