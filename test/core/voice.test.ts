// Voice through the core's contract, against the sandbox over HTTP: settings queued and
// carried out; a provider key typed by the user is kept in the keychain and reaches SkyLight,
// and nothing else here (not the store file, not the outbox, not an event, and the redactor
// knows it; test/core/voice-provider-key.test.ts does this with the real keychain); a dropped sample
// is checked, cloned once with progress; preload and TTS are online only, the speech handed
// over as playable bytes; deleting the voice.
import { readdir, readFile, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCore, type Core } from '../../src/main/core'
import { KeychainUnavailableError, SessionSecretStore } from '../../src/main/core/secrets/secret-store'
import { startSandbox, type Sandbox } from '../../src/sandbox'
import { driveCore } from '../support/core-driver'

const PROVIDER_KEY = 'sk_provider_e2e_7f3a9c1d'
let sandbox: Sandbox
let dataDir: string
let core: Core
const { events, listen, forget, call, until, drained } = driveCore(() => core)
const redacted = new Set<string>()
// One keychain for the run, so a restart finds the account's API key again; it can be made
// to refuse the account's other secrets, as a locked keychain would.
class Keychain extends SessionSecretStore {
  refuseOthers = false
  override async set(entry: string, secret: string): Promise<void> {
    if (this.refuseOthers && entry.includes(':')) throw new KeychainUnavailableError('locked', 'linux')
    return super.set(entry, secret)
  }
}
const keychain = new Keychain()

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 22, accounts: 2, rateLimit: { limit: 10_000, windowMs: 60_000 } })
  dataDir = await mkdtemp(join(tmpdir(), 'skylight-voice-'))
  core = await openCore({
    dataDir,
    appVersion: 'test',
    keychain,
    rateLimit: { limit: 10_000, windowMs: 60_000 },
    client: { maxAttempts: 2, retryBaseMs: 10 },
    redactor: { addSecret: (s) => void redacted.add(s), removeSecret: (s) => void redacted.delete(s) },
  })
  listen(core)
  // The second account starts without a cloned voice.
  await call('account-add', { apiKey: sandbox.accounts[1]!.apiKey, baseUrl: sandbox.url })
  await until('sync-status', (s) => s.state === 'idle' && s.firstSyncDone)
})
afterAll(async () => {
  await core?.close()
  await sandbox?.close()
  await rm(dataDir, { recursive: true, force: true })
})

const server = () => sandbox.control.dump(sandbox.accounts[1]!.id).voice

/** Every byte the app wrote under its data folder, as text. */
async function everythingOnDisk(): Promise<string> {
  const files = (await readdir(dataDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile())
  const parts = await Promise.all(files.map((f) => readFile(join(f.parentPath, f.name)).then((b) => b.toString('latin1'))))
  return parts.join('\n')
}

describe('voice', () => {
  it('shows the synced settings and the dialects, and queues a settings change', async () => {
    const voice = await call('voice-get', {})
    expect(voice).toMatchObject({ hasClonedVoice: false, dialect: 'ksa', language: 'ar', usesOwnKey: false })
    expect(voice.dialects.map((d) => d.code)).toEqual(expect.arrayContaining(['ksa', 'egy', 'lev']))
    await call('voice-update', { dialect: 'egy', enabled: true })
    expect((await call('voice-get', {})).dialect).toBe('egy')
    await drained()
    expect(server()).toMatchObject({ dialect: 'egy', enabled: true })
  })

  it('keeps a provider key in the keychain only, and sends it to SkyLight with the settings', async () => {
    forget()
    const after = await call('voice-set-key', { key: PROVIDER_KEY })
    expect(after).toMatchObject({ usesOwnKey: true, ownKey: { ending: PROVIDER_KEY.slice(-4) } })
    const accountId = (await call('accounts-list', {})).activeId!
    expect(await keychain.get(`${accountId}:voice-provider-key`)).toBe(PROVIDER_KEY)
    await drained()
    expect(sandbox.control.requestLog().filter((r) => r.path.endsWith('/voice/settings') && (r.body as { api_key?: string })?.api_key === PROVIDER_KEY)).toHaveLength(1)
    expect(await call('voice-status', {})).toEqual({ configured: true, connected: true })
    expect(redacted.has(PROVIDER_KEY)).toBe(true)
    expect(JSON.stringify(events)).not.toContain(PROVIDER_KEY)
    expect(JSON.stringify(await call('outbox-list', { states: ['queued', 'in-flight', 'done', 'failed', 'cancelled'] }))).not.toContain(PROVIDER_KEY)
    await core.close()
    core = await openCore({ dataDir, appVersion: 'test', keychain, rateLimit: { limit: 10_000, windowMs: 60_000 }, client: { maxAttempts: 2, retryBaseMs: 10 } })
    expect(await everythingOnDisk()).not.toContain(PROVIDER_KEY)
    listen(core)
    expect((await call('voice-get', {})).ownKey).toEqual({ ending: PROVIDER_KEY.slice(-4) })
    expect(await call('voice-set-key', { key: null })).toMatchObject({ usesOwnKey: false, ownKey: null })
    expect(await keychain.get(`${accountId}:voice-provider-key`)).toBeNull()
    await drained()
    expect(server().uses_own_key).toBe(false)
  })

  it('says so, and queues nothing, when the keychain refuses the key', async () => {
    keychain.refuseOthers = true
    try {
      const before = (await call('outbox-list', { states: ['queued', 'in-flight', 'done', 'failed'] })).actions.length
      await expect(call('voice-set-key', { key: PROVIDER_KEY })).rejects.toMatchObject({
        type: 'keychain-unavailable',
        message: expect.stringMatching(/store your voice provider key.*Your key was not saved\./),
      })
      expect((await call('outbox-list', { states: ['queued', 'in-flight', 'done', 'failed'] })).actions.length).toBe(before)
      expect((await call('voice-get', {})).ownKey).toBeNull()
    } finally {
      keychain.refuseOthers = false
    }
  })

  it('clones from a dropped sample checked first, with progress, once; then preloads and speaks', async () => {
    const refused = await call('voice-clone-data', { fileName: 'notes.txt', size: 2, base64: Buffer.from('hi').toString('base64') })
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/can't be used as a voice sample/) })
    const fake = await call('voice-clone-data', { fileName: 'fake.mp3', size: 3, base64: Buffer.from('abc').toString('base64') })
    expect(fake.message).toBe('“fake.mp3” is not really a MP3 file (its content does not match its name).')
    forget()
    const sample = Buffer.concat([Buffer.from('ID3'), Buffer.alloc(200_000, 7)])
    const queued = await call('voice-clone-data', { fileName: 'layla.mp3', size: sample.length, base64: sample.toString('base64'), name: 'Layla' })
    expect(queued.ok).toBe(true)
    await drained()
    expect(events.some((e) => e.event === 'outbox-progress' && (e.payload as { actionId: string }).actionId === queued.actionId)).toBe(true)
    expect(server()).toMatchObject({ has_cloned_voice: true, voice_name: 'Layla' })
    expect(sandbox.control.requestLog().filter((r) => r.path.endsWith('/voice/clone') && r.acted)).toHaveLength(1)
    expect((await call('voice-preload', {})).voicePreloadedAt).not.toBeNull()
    const speech = await call('voice-tts', { text: 'أهلاً وسهلاً' })
    expect(speech.mimeType).toBe('audio/wav')
    expect(Buffer.from(speech.base64, 'base64').subarray(0, 4).toString()).toBe('RIFF')
  })

  it('needs a connection for TTS, and deletes the cloned voice', async () => {
    await sandbox.control.setFaults({ offline: true })
    try {
      await expect(call('voice-tts', { text: 'hello' })).rejects.toMatchObject({ type: 'network' })
    } finally {
      await sandbox.control.clearFaults()
    }
    await call('voice-delete', {})
    expect((await call('voice-get', {})).hasClonedVoice).toBe(false)
    await drained()
    expect(server()).toMatchObject({ has_cloned_voice: false, voice_id: null })
  })
})
