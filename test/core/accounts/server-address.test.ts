// Server addresses: https:// for any server, plain http:// only for this computer (the
// sandbox and the demo server), and never credentials inside the address — refused at the
// contract's edge and again by the account manager, each with words the user can act on.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../src/sandbox'
import { AccountManager } from '../../../src/main/core/accounts/account-manager'
import { SessionSecretStore } from '../../../src/main/core/secrets/secret-store'
import { parseBaseUrl } from '../../../src/main/core/skylight/client'
import { RateBudgets } from '../../../src/main/core/skylight/rate-budgets'
import { methods } from '../../../src/shared/contract'
import { isLoopbackHost, serverAddressProblem } from '../../../src/shared/contract/server-address'

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 8, accounts: 1 })
})
afterAll(async () => sandbox?.close())

const INSECURE = ['http://dashboard.skylightchat.com', 'http://10.0.0.5:8080', 'http://128.0.0.1', 'http://localhost.evil.com', 'http://[::2]:80', 'HTTP://Example.COM']
const WITH_CREDENTIALS = ['https://user:pass@dashboard.skylightchat.com', 'https://user@dashboard.skylightchat.com', 'http://me:secret@127.0.0.1:4010', 'https://:pw@host.example']
const ACCEPTED: [string, string][] = [
  ['dashboard.skylightchat.com', 'https://dashboard.skylightchat.com/'],
  ['https://host.example/api/v1/', 'https://host.example/'],
  ['http://127.0.0.1:4010', 'http://127.0.0.1:4010/'],
  ['http://127.5.6.7', 'http://127.5.6.7/'],
  ['http://localhost:4010', 'http://localhost:4010/'],
  ['http://LOCALHOST:4010', 'http://localhost:4010/'],
  ['http://[::1]:4010', 'http://[::1]:4010/'],
  ['http://[0:0:0:0:0:0:0:1]:4010', 'http://[::1]:4010/'],
  ['http://127.1:4010', 'http://127.0.0.1:4010/'],
]

describe('a server address', () => {
  it('is taken over https, or over http on this computer only', () => {
    for (const [input, href] of ACCEPTED) expect(parseBaseUrl(input).href, input).toBe(href)
    for (const input of INSECURE) {
      expect(() => parseBaseUrl(input), input).toThrow(/Use an https:\/\/ address: over http:\/\/ your API key would travel unencrypted/)
    }
    expect(isLoopbackHost('127.0.0.1')).toBe(true)
    expect(isLoopbackHost('[::1]')).toBe(true)
    expect(isLoopbackHost('127.0.0.1.nip.io')).toBe(false)
  })

  it('never carries a user name or password', () => {
    for (const input of WITH_CREDENTIALS) {
      const error = (() => {
        try {
          parseBaseUrl(input)
        } catch (caught) {
          return caught as { type: string; message: string; fields: Record<string, string[]> }
        }
        return undefined
      })()
      expect(error, input).toMatchObject({ type: 'validation', fields: { baseUrl: [expect.stringMatching(/Remove the user name and password/)] } })
      // The message does not repeat the address (it holds a password).
      expect(error!.message).not.toMatch(/user:|secret|:pw|@/)
    }
  })

  it('is refused at the contract for account-add, with the reason', () => {
    const input = methods['account-add'].input
    for (const baseUrl of [...INSECURE, ...WITH_CREDENTIALS]) {
      const parsed = input.safeParse({ apiKey: 'sk_test_x', baseUrl })
      expect(parsed.success, baseUrl).toBe(false)
      expect(parsed.error?.issues[0]?.message).toBe(serverAddressProblem(baseUrl))
    }
    for (const [baseUrl] of ACCEPTED) expect(input.safeParse({ apiKey: 'k', baseUrl }).success, baseUrl).toBe(true)
    expect(input.safeParse({ apiKey: 'k' }).success).toBe(true)
  })

  it('is refused by the account manager before the key is sent anywhere, and nothing is saved', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'skylight-address-'))
    try {
      const manager = await AccountManager.open({ dataDir, keychain: new SessionSecretStore(), session: new SessionSecretStore(), budgets: new RateBudgets() })
      sandbox.control.clearLog()
      const origin = new URL(sandbox.url)
      // The sandbox with credentials in its address, and a server elsewhere over http.
      await expect(manager.add({ apiKey: sandbox.accounts[0]!.apiKey, baseUrl: `http://user:pw@${origin.host}` })).rejects.toMatchObject({ type: 'validation' })
      await expect(manager.add({ apiKey: sandbox.accounts[0]!.apiKey, baseUrl: `http://sandbox.example:${origin.port}` })).rejects.toMatchObject({ type: 'validation' })
      expect(sandbox.control.requestLog()).toEqual([])
      expect(manager.list()).toEqual([])
      // The sandbox on 127.0.0.1 over http is fine.
      expect(await manager.add({ apiKey: sandbox.accounts[0]!.apiKey, baseUrl: sandbox.url })).toMatchObject({ baseUrl: `${sandbox.url}/` })
    } finally {
      await rm(dataDir, { recursive: true, force: true })
    }
  })

  it('already saved with credentials or over http is made safe when the accounts are loaded', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'skylight-address-saved-'))
    try {
      const record = (id: string, baseUrl: string) => ({ id, serverId: 1, name: id, baseUrl, keyStorage: 'keychain', addedAt: '2026-01-01T00:00:00.000Z', keyRejectedAt: null })
      await writeFile(
        join(dataDir, 'accounts.json'),
        JSON.stringify({
          version: 1,
          activeId: null,
          accounts: [
            record('account-remote', 'http://skylight.example.com/'),
            record('account-creds', 'https://me:hunter22@skylight.example.com/'),
            record('account-local', 'http://127.0.0.1:4010/'),
          ],
        }),
      )
      const manager = await AccountManager.open({ dataDir, keychain: new SessionSecretStore(), session: new SessionSecretStore(), budgets: new RateBudgets() })
      expect(manager.list().map((a) => a.baseUrl)).toEqual(['https://skylight.example.com/', 'https://skylight.example.com/', 'http://127.0.0.1:4010/'])
      const saved = await readFile(join(dataDir, 'accounts.json'), 'utf8')
      expect(saved).not.toContain('hunter22')
      expect(saved).not.toContain('http://skylight')
    } finally {
      await rm(dataDir, { recursive: true, force: true })
    }
  })
})
