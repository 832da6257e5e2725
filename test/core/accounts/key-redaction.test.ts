// Every API key the app holds is registered with the log's redactor: when an account is
// added (before the key is first used), read from the keychain at start, replaced, and the
// demo server's key; and removed again with its account. Checked through the real logger,
// with the key logged base64-encoded (a form no pattern for unknown keys would catch).
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../src/sandbox'
import { openCore } from '../../../src/main/core'
import { AccountManager } from '../../../src/main/core/accounts/account-manager'
import { DemoServer } from '../../../src/main/core/demo-server'
import { createLogger, type Logger } from '../../../src/main/core/log'
import { SessionSecretStore } from '../../../src/main/core/secrets/secret-store'
import { RateBudgets } from '../../../src/main/core/skylight/rate-budgets'

let sandbox: Sandbox
let dataDir: string
let logDir: string
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 5, accounts: 2 })
})
afterAll(async () => sandbox?.close())
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'skylight-key-redaction-'))
  logDir = await mkdtemp(join(tmpdir(), 'skylight-key-redaction-log-'))
  return async () => {
    await rm(dataDir, { recursive: true, force: true })
    await rm(logDir, { recursive: true, force: true })
  }
})

const b64 = (key: string) => Buffer.from(key).toString('base64')

/** Logs the key as base64 and says whether the entry shows it. */
async function shows(log: Logger, key: string): Promise<boolean> {
  log.info('probe', b64(key))
  const text = await readFile(log.files()[0]!, 'utf8')
  const last = text.trimEnd().split('\n').at(-1) ?? ''
  return last.includes(b64(key).slice(4, 30))
}

describe('the keys the log knows', () => {
  it('are registered on add (even a rejected one), on load, on replace, and dropped on remove', async () => {
    const keychain = new SessionSecretStore()
    const key = sandbox.accounts[0]!.apiKey
    const open = (log: Logger) =>
      AccountManager.open({ dataDir, keychain, session: new SessionSecretStore(), budgets: new RateBudgets(), client: { maxAttempts: 1 }, redactor: log })

    const first = createLogger({ dir: logDir, fileName: 'add.log' })
    const manager = await open(first)
    await expect(manager.add({ apiKey: 'sk_test_typo-of-a-key-0123456789', baseUrl: sandbox.url })).rejects.toMatchObject({ type: 'validation' })
    expect(await shows(first, 'sk_test_typo-of-a-key-0123456789')).toBe(false)
    const account = await manager.add({ apiKey: key, baseUrl: sandbox.url })
    expect(await shows(first, key)).toBe(false)
    first.close()

    // A new start: the key is read from the keychain when the account's client is made.
    const second = createLogger({ dir: logDir, fileName: 'load.log' })
    const reopened = await open(second)
    expect(await shows(second, key)).toBe(true)
    expect(await reopened.api(account.id)).not.toBeNull()
    expect(await shows(second, key)).toBe(false)
    second.close()

    const third = createLogger({ dir: logDir, fileName: 'replace.log' })
    const again = await open(third)
    await again.replaceKey(account.id, key)
    expect(await shows(third, key)).toBe(false)
    await again.remove(account.id)
    expect(await shows(third, key)).toBe(true)
    third.close()
  })

  it('include the demo server’s keys', async () => {
    const log = createLogger({ dir: logDir, fileName: 'demo.log' })
    const demo = new DemoServer({ onKey: (key) => log.addSecret(key) })
    try {
      const { apiKey } = await demo.start()
      expect(await shows(log, apiKey)).toBe(false)
    } finally {
      await demo.stop()
      log.close()
    }
  }, 60_000)

  it('are registered by the core from its redactor option when it opens the accounts at start', async () => {
    const keychain = new SessionSecretStore()
    const options = { dataDir, appVersion: 'test', keychain, client: { maxAttempts: 1 } }
    let core = await openCore(options)
    const added = await core.dispatch('account-add', { apiKey: sandbox.accounts[1]!.apiKey, baseUrl: sandbox.url })
    expect(added.ok).toBe(true)
    await core.close()

    const log = createLogger({ dir: logDir, fileName: 'start.log' })
    core = await openCore({ ...options, redactor: log })
    try {
      expect(await shows(log, sandbox.accounts[1]!.apiKey)).toBe(false)
    } finally {
      await core.close()
      log.close()
    }
  })
})
