// The user's own voice-provider key in the real keychain (a private Secret Service in CI,
// see scripts/run-tests.mjs; skipped elsewhere without one, saying how to run it), through
// the core's contract against the sandbox over HTTP: saved under the account, shown to the
// page only as its last 4 characters, sent with the settings — read from the keychain when
// the queued action goes out, after a restart too — and deleted by "use SkyLight's key" and
// with the account. It never reaches the SQLite file, the outbox table, an event or the log.
import { randomUUID } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCore, type Core } from '../../src/main/core'
import { createLogger, type Logger } from '../../src/main/core/log'
import { KeychainSecretStore } from '../../src/main/core/secrets/keychain-store'
import { startSandbox, type Sandbox } from '../../src/sandbox'
import { driveCore } from '../support/core-driver'

const keychain = new KeychainSecretStore(`SkyLight Desk tests ${randomUUID()}`)
const available = await keychain.check().then(
  () => true,
  (error: Error) => {
    if (process.env['CI']) throw error
    console.warn(
      `voice provider key tests skipped: ${error.message} — on Linux, \`SKYLIGHT_TEST_KEYRING=1 node scripts/run-tests.mjs test/core/voice-provider-key.test.ts\` runs them against a private, throw-away keyring (needs gnome-keyring and dbus).`,
    )
    return false
  },
)

const FIRST_KEY = 'sk_voice_first_3b8e51d0c7a2'
const SECOND_KEY = 'sk_voice_second_9f4c22e61ab7'
let sandbox: Sandbox
let dataDir: string
let logDir: string
let core: Core
let log: Logger
let accountId: string
const { events, listen, forget, call, until, drained } = driveCore(() => core)

async function start(logName: string): Promise<void> {
  log = createLogger({ dir: logDir, fileName: logName })
  core = await openCore({
    dataDir,
    appVersion: 'test',
    keychain,
    rateLimit: { limit: 10_000, windowMs: 60_000 },
    client: { maxAttempts: 1, retryBaseMs: 10, timeoutMs: 3_000 },
    redactor: log,
    onInternalError: (error) => log.error('internal', error),
  })
  listen(core)
  core.on((event, payload) => log.info('event', event, payload))
}
async function stop(): Promise<void> {
  await core.close()
  log.close()
}

beforeAll(async () => {
  if (!available) return
  sandbox = await startSandbox({ port: 0, seed: 31, accounts: 1, rateLimit: { limit: 10_000, windowMs: 60_000 } })
  dataDir = await mkdtemp(join(tmpdir(), 'skylight-voice-key-'))
  logDir = await mkdtemp(join(tmpdir(), 'skylight-voice-key-log-'))
  await start('first.log')
  accountId = (await call('account-add', { apiKey: sandbox.accounts[0]!.apiKey, baseUrl: sandbox.url })).id
  await until('sync-status', (s) => s.state === 'idle' && s.firstSyncDone)
})
afterAll(async () => {
  if (!available) return
  await core?.close()
  log?.close()
  await sandbox?.close()
  for (const name of ['voice-provider-key']) await keychain.delete(`${accountId}:${name}`).catch(() => false)
  await keychain.delete(accountId).catch(() => false)
  await rm(dataDir, { recursive: true, force: true })
  await rm(logDir, { recursive: true, force: true })
})

/** The api_key of every PATCH /voice/settings SkyLight received that carried one. */
const keysSent = () =>
  sandbox.control
    .requestLog()
    .filter((r) => r.method === 'PATCH' && r.path.endsWith('/voice/settings') && r.acted && r.body && 'api_key' in (r.body as object))
    .map((r) => (r.body as { api_key: string | null }).api_key)
const entry = () => `${accountId}:voice-provider-key`

/** Every byte the app wrote under its data folder and the log folder, as text. */
async function everythingOnDisk(): Promise<string> {
  const parts: string[] = []
  for (const dir of [dataDir, logDir]) {
    const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile())
    parts.push(...(await Promise.all(files.map((f) => readFile(join(f.parentPath, f.name)).then((b) => b.toString('latin1'))))))
  }
  return parts.join('\n')
}
function outboxRows(): string {
  const db = new Database(join(dataDir, 'accounts', accountId, 'account.sqlite'), { readonly: true })
  try {
    return JSON.stringify(db.prepare('SELECT * FROM outbox_actions').all())
  } finally {
    db.close()
  }
}
const b64 = (key: string) => Buffer.from(key).toString('base64')

describe.runIf(available)('the voice provider key (real keychain)', () => {
  it('is saved in the keychain under the account, shown by its last 4 characters, and sent with the settings', async () => {
    const view = await call('voice-set-key', { key: FIRST_KEY })
    expect(view).toMatchObject({ usesOwnKey: true, ownKey: { ending: FIRST_KEY.slice(-4) } })
    expect(JSON.stringify(view)).not.toContain(FIRST_KEY)
    expect(await keychain.get(entry())).toBe(FIRST_KEY)
    await drained()
    expect(keysSent()).toEqual([FIRST_KEY])
    expect(await call('voice-status', {})).toEqual({ configured: true, connected: true })
    expect(await call('voice-get', {})).toMatchObject({ usesOwnKey: true, ownKey: { ending: FIRST_KEY.slice(-4) } })
    // The logger knows it: even base64-encoded, it does not reach the file.
    log.info('probe', FIRST_KEY, b64(FIRST_KEY))
    expect(outboxRows()).not.toContain(FIRST_KEY)
    expect(JSON.stringify(events)).not.toContain(FIRST_KEY)
  })

  it('queued offline, is not in the action on disk: it is read from the keychain when sent, after a restart', async () => {
    await sandbox.control.setFaults({ offline: true })
    forget()
    const view = await call('voice-set-key', { key: SECOND_KEY })
    expect(view.ownKey).toEqual({ ending: SECOND_KEY.slice(-4) })
    // Its attempt met no server: back in the queue, waiting for a connection.
    await until('outbox-changed', (o) => o.counts.queued === 1 && o.counts.inFlight === 0)
    expect(outboxRows()).toMatch(/providerKey\W+own/)
    await stop()
    const disk = await everythingOnDisk()
    expect(disk).not.toContain(FIRST_KEY)
    expect(disk).not.toContain(SECOND_KEY)
    expect(disk).not.toContain(b64(FIRST_KEY).slice(0, 20))

    forget()
    await start('second.log')
    await sandbox.control.clearFaults()
    core.resume()
    await drained()
    expect(keysSent()).toEqual([FIRST_KEY, SECOND_KEY])
    // Read from the keychain at send time, so the new logger learned it there.
    log.info('probe', SECOND_KEY, b64(SECOND_KEY))
    expect(await everythingOnDisk()).not.toContain(SECOND_KEY)
    expect(await everythingOnDisk()).not.toContain(b64(SECOND_KEY).slice(0, 20))
  })

  it('"use SkyLight\'s key" deletes it from the keychain and tells SkyLight', async () => {
    const view = await call('voice-set-key', { key: null })
    expect(view).toMatchObject({ usesOwnKey: false, ownKey: null })
    expect(await keychain.get(entry())).toBeNull()
    await drained()
    expect(keysSent().at(-1)).toBeNull()
    expect(sandbox.control.dump(sandbox.accounts[0]!.id).voice.uses_own_key).toBe(false)
  })

  it('is deleted with the account', async () => {
    await call('voice-set-key', { key: FIRST_KEY })
    await drained()
    expect(await keychain.get(entry())).toBe(FIRST_KEY)
    await call('account-remove', { id: accountId })
    expect(await keychain.get(entry())).toBeNull()
    expect(await keychain.get(accountId)).toBeNull()
  })
})
