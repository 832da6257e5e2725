// The Account area through the core's contract, against the sandbox over HTTP: profile
// edit queued, plan limits before queueing, channels (QR and Instagram 2FA) live, team and
// webhooks queued, the live webhook calls — and no password or webhook secret anywhere on
// disk (SQLite file and its WAL, outbox payloads, the log) afterwards.
import { readdir, readFile, rm } from 'node:fs/promises'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCore, type Core } from '../../src/main/core'
import { createLogger, type Logger } from '../../src/main/core/log'
import { SessionSecretStore } from '../../src/main/core/secrets/secret-store'
import type { MethodInput, MethodName } from '../../src/shared/contract'
import { driveCore } from '../support/core-driver'
import { startSandbox, type Sandbox } from '../../src/sandbox'

let clock = Date.UTC(2026, 11, 2, 12)
let sandbox: Sandbox
let dataDir: string
let logDir: string
let logger: Logger
let core: Core
const { events, listen, call, until, drained } = driveCore(() => core)

const MEMBER_PASSWORD = 'Member-Pass-8412'
const INSTAGRAM_PASSWORD = 'Insta-Pass-5531'
const seenSecrets: string[] = []

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 21, accounts: 1, now: () => clock, rateLimit: { limit: 10_000, windowMs: 60_000 } })
  dataDir = await mkdtemp(join(tmpdir(), 'skylight-account-area-'))
  logDir = await mkdtemp(join(tmpdir(), 'skylight-account-area-log-'))
  logger = createLogger({ dir: logDir })
  core = await openCore({ dataDir, appVersion: 'test', keychain: new SessionSecretStore(), redactor: logger, rateLimit: { limit: 10_000, windowMs: 60_000 }, onInternalError: (e) => logger.error(String(e)) })
  listen(core)
  core.on((event, payload) => {
    // Everything the renderer would be sent goes to the log too: the check below covers both.
    logger.info(`${event} ${JSON.stringify(payload)}`)
  })
  await call('account-add', { apiKey: sandbox.accounts[0]!.apiKey, baseUrl: sandbox.url })
  await until('sync-status', (s) => s.state === 'idle' && s.firstSyncDone)
})
afterAll(async () => {
  await core?.close()
  await sandbox?.close()
  await rm(dataDir, { recursive: true, force: true })
  await rm(logDir, { recursive: true, force: true })
})

async function refused<M extends MethodName>(method: M, input: MethodInput<M>) {
  const result = await core.dispatch(method, input)
  if (result.ok) throw new Error(`${method} was not refused`)
  return result.error
}

const server = () => sandbox.control.dump(sandbox.accounts[0]!.id)

describe('the Account area', () => {
  it('shows the profile and the plan, and queues a profile edit', async () => {
    const overview = await call('account-overview', {})
    expect(overview.profile?.companyName).toBeTruthy()
    expect(overview.plan?.limits.map((l) => l.key)).toEqual(['contacts', 'team_members', 'messages_per_month', 'media_files', 'campaigns'])
    expect(overview.channels.map((c) => c.type).sort()).toEqual(['instagram', 'telegram', 'whatsapp'])

    const bad = await refused('account-update', { changes: { timezone: 'Mars/Olympus' } })
    expect(bad).toMatchObject({ type: 'validation', fields: { timezone: ['Choose a timezone from the list.'] } })
    await call('account-update', { changes: { company_name: 'مؤسسة الاختبار', address: 'الرياض', timezone: 'Asia/Riyadh' } })
    expect((await call('account-overview', {})).profile).toMatchObject({ companyName: 'مؤسسة الاختبار', address: 'الرياض' })
    await drained()
    expect(server().account).toMatchObject({ company_name: 'مؤسسة الاختبار', address: 'الرياض', timezone: 'Asia/Riyadh' })
  })

  it('adds, edits and removes a team member; the seat limit refuses before queueing', async () => {
    const created = await call('team-create', { name: 'Layla Hassan', email: 'layla.h@example.com', role: 'agent', password: MEMBER_PASSWORD })
    expect((await call('team-list', {})).items.find((m) => m.id === created.localId)).toMatchObject({ pending: true, name: 'Layla Hassan' })
    expect((await refused('team-create', { name: 'X', email: 'x@example.com', role: 'agent', password: 'short' })).fields).toHaveProperty('password')
    await drained()
    const member = server().team.find((m) => m.email === 'layla.h@example.com')!
    expect(member).toBeDefined()
    await call('team-update', { id: member.id, changes: { role: 'admin' } })
    expect((await call('team-list', { role: 'admin' })).items.map((m) => m.id)).toContain(member.id)
    await drained()
    expect(server().team.find((m) => m.id === member.id)?.role).toBe('admin')

    // Fill the plan's seats from elsewhere, sync, and the next add is refused at once with the number.
    const max = (await call('account-overview', {})).plan!.limits.find((l) => l.key === 'team_members')!.max!
    for (let i = server().team.length; i < max; i++) {
      await fetch(`${sandbox.url}/api/v1/team`, {
        method: 'POST',
        headers: { 'X-Api-Key': sandbox.accounts[0]!.apiKey, 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ name: `Seat ${i}`, email: `seat${i}@example.com`, role: 'agent', password: 'seat-password' }),
      })
    }
    await call('sync-now', {})
    for (;;) {
      if ((await call('team-list', {})).items.length >= max) break
      await new Promise((r) => setTimeout(r, 20))
    }
    const full = await refused('team-create', { name: 'One too many', email: 'many@example.com', role: 'agent', password: 'long-enough' })
    expect(full.type).toBe('forbidden')
    expect(full.message).toContain(`allows ${max} team members`)

    await call('team-delete', { id: member.id })
    expect((await call('team-list', {})).items.some((m) => m.id === member.id)).toBe(false)
    await drained()
    expect(server().team.some((m) => m.id === member.id)).toBe(false)
  })

  it('creates a webhook, tests it, reads the delivery log, rotates the secret, switches it off, deletes it', async () => {
    // The catalogue was kept by the first sync: the form has it offline.
    await sandbox.control.setOffline(true)
    const catalogue = await call('webhook-events', {})
    await sandbox.control.setOffline(false)
    expect(catalogue.events).toHaveLength(30)
    expect(new Set(catalogue.events.map((e) => e.group)).size).toBe(9)
    expect((await refused('webhook-create', { name: 'Bad', url: 'http://example.com', events: [] })).fields).toMatchObject({ url: expect.any(Array), events: expect.any(Array) })

    await call('webhook-create', { name: 'Orders', url: 'https://orders.example.com/hook', events: ['contact.created'] })
    await drained()
    const made = server().webhooks.find((w) => w.name === 'Orders')!
    const listed = (await call('webhooks-list', {})).items.find((w) => w.id === made.id)!
    expect(listed).toMatchObject({ pending: false, secretWaiting: true })
    const first = await call('webhook-secret-reveal', { id: made.id })
    expect(first.secret).toMatch(/^whsec_/)
    seenSecrets.push(first.secret!)
    expect((await call('webhook-secret-reveal', { id: made.id })).secret).toBeNull()

    const delivery = await call('webhook-test', { id: made.id })
    expect(delivery).toMatchObject({ event: 'webhook.test', status: 200, success: true })
    const log = await call('webhook-deliveries', { id: made.id })
    expect(log.items[0]).toMatchObject({ id: delivery!.id, status: 200 })
    expect(JSON.parse(log.items[0]!.payload!)).toMatchObject({ event: 'webhook.test' })

    const rotated = await call('webhook-rotate-secret', { id: made.id })
    expect(rotated.secret).toMatch(/^whsec_/)
    expect(rotated.secret).not.toBe(first.secret)
    seenSecrets.push(rotated.secret)

    await call('webhook-toggle', { id: made.id, active: false })
    await drained()
    expect(server().webhooks.find((w) => w.id === made.id)?.is_active).toBe(false)
    await call('webhook-delete', { id: made.id })
    await drained()
    expect(server().webhooks.some((w) => w.id === made.id)).toBe(false)
  })

  it('connects WhatsApp by QR code: the status turns connected once the code is scanned', async () => {
    expect((await refused('channel-connect-qr', { type: 'whatsapp' })).message).toContain('already connected')
    expect(await call('channel-disconnect', { type: 'whatsapp' })).toMatchObject({ isConnected: false, syncStatus: 'STOPPED' })
    expect((await call('account-overview', {})).channels.find((c) => c.type === 'whatsapp')?.isConnected).toBe(false)
    const qr = await call('channel-connect-qr', { type: 'whatsapp' })
    expect(qr.qrCode).toMatch(/^2@/)
    expect(await call('channel-status', { type: 'whatsapp', accountId: qr.accountId })).toMatchObject({ isConnected: false, syncStatus: 'CONNECTING' })
    clock += 5_000
    expect(await call('channel-status', { type: 'whatsapp', accountId: qr.accountId })).toMatchObject({ isConnected: true, syncStatus: 'OK' })
    expect((await call('channels-list', {})).channels.find((c) => c.type === 'whatsapp')?.isConnected).toBe(true)
  })

  it('tells of a channel that drops on a refresh, but not of one the user disconnected', async () => {
    await fetch(`${sandbox.url}/api/v1/channels/telegram/disconnect`, {
      method: 'POST',
      headers: { 'X-Api-Key': sandbox.accounts[0]!.apiKey, Accept: 'application/json' },
    })
    await call('sync-now', { kind: 'refresh' })
    expect(await until('channel-dropped', (d) => d.type === 'telegram')).toMatchObject({ syncStatus: 'STOPPED' })
    // The WhatsApp disconnect above was the user's own: no news of it.
    expect(events.filter((e) => e.event === 'channel-dropped' && (e.payload as { type: string }).type === 'whatsapp')).toEqual([])
  })

  it('connects Instagram with a password and a 2FA code, the password kept nowhere', async () => {
    const started = await call('channel-instagram-connect', { username: 'desk.test', password: INSTAGRAM_PASSWORD })
    expect(started.kind).toBe('code-needed')
    const attempt = started.kind === 'code-needed' ? started.accountId : ''
    expect(await call('channel-instagram-resend', { accountId: attempt })).toEqual({})
    expect((await refused('channel-instagram-code', { accountId: attempt, code: 'abc' })).fields).toHaveProperty('code')
    expect((await refused('channel-instagram-code', { accountId: attempt, code: '000000' })).type).toBe('validation')
    expect(await call('channel-instagram-code', { accountId: attempt, code: '424242' })).toMatchObject({ type: 'instagram', isConnected: true, username: 'desk.test' })
  })

  it('leaves no password or webhook secret in the store file, the outbox or the log', async () => {
    const folder = join(dataDir, 'accounts')
    const files: string[] = []
    for (const account of await readdir(folder)) for (const f of await readdir(join(folder, account))) if (f.startsWith('account.sqlite')) files.push(join(folder, account, f))
    for (const f of await readdir(logDir)) files.push(join(logDir, f))
    expect(files.some((f) => f.endsWith('account.sqlite'))).toBe(true)
    expect(seenSecrets).toHaveLength(2)
    for (const file of files) {
      const bytes = await readFile(file)
      for (const secret of [MEMBER_PASSWORD, INSTAGRAM_PASSWORD, ...seenSecrets]) {
        expect(bytes.includes(Buffer.from(secret)), `${secret.slice(0, 6)}… in ${file}`).toBe(false)
      }
    }
    const { actions } = await call('outbox-list', { states: ['done', 'queued', 'failed', 'cancelled', 'in-flight'] })
    expect(JSON.stringify(actions)).not.toContain('Pass-')
  })
})
