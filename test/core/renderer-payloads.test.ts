// The payloads the renderer's tests answer with are the core's own: this test asks a real
// core (over HTTP against a sandbox on a fixed clock) and checks that the recorded file is
// exactly what it answers now. After a deliberate change of a payload, record it again:
// UPDATE_PAYLOADS=1 npx vitest run test/core/renderer-payloads.test.ts
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCore, type Core } from '../../src/main/core'
import { SessionSecretStore } from '../../src/main/core/secrets/secret-store'
import { driveCore } from '../support/core-driver'
import { startSandbox, type Sandbox } from '../../src/sandbox'

const FILE = resolve('src/renderer/test/payloads/groups-delivery.json')
const NOW = Date.UTC(2026, 2, 10, 9, 30)

let sandbox: Sandbox
let dataDir: string
let core: Core
const { call, eventually: until } = driveCore(() => core)

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 31, accounts: 1, size: { contacts: 130 }, autoAdvance: false, now: () => NOW, rateLimit: { limit: 100_000, windowMs: 60_000 } })
  dataDir = await mkdtemp(join(tmpdir(), 'skylight-payloads-'))
  core = await openCore({ dataDir, appVersion: 'test', keychain: new SessionSecretStore(), rateLimit: { limit: 100_000, windowMs: 60_000 } })
})
afterAll(async () => {
  await core?.close()
  await sandbox?.close()
  await rm(dataDir, { recursive: true, force: true })
})

async function record(): Promise<Record<string, unknown>> {
  const key = sandbox.accounts[0]!.apiKey
  const post = (path: string, body: unknown = {}) =>
    fetch(`${sandbox.url}/api/v1${path}`, { method: 'POST', headers: { 'X-Api-Key': key, Accept: 'application/json', 'Content-Type': 'application/json' }, body: JSON.stringify(body) }).then(
      (r) => r.json() as Promise<{ data: { id: number } }>,
    )
  // A campaign of every reachable contact, part delivered, before the first sync reads it.
  const dump = sandbox.control.dump(sandbox.accounts[0]!.id)
  const channel = dump.channels.find((c) => c.is_connected && c.type === 'whatsapp')!
  const audience = dump.contacts.filter((c) => !c.blacklisted).map((c) => c.id)
  const campaignId = (await post('/campaigns', { name: 'Big launch', channel_id: channel.id, message: 'Hello', contact_ids: audience })).data.id
  await post(`/campaigns/${campaignId}/start`)
  sandbox.control.advanceCampaigns(20, sandbox.accounts[0]!.id)

  const added = await call('account-add', { apiKey: key, baseUrl: sandbox.url })
  await until(async () => (await call('sync-status', { accountId: added.id }))?.firstSyncDone === true)

  const groups = await call('groups-list', {})
  const tag = [...groups.tags].sort((a, b) => (b.contactsCount ?? 0) - (a.contactsCount ?? 0) || a.id - b.id)[0]!
  const campaign = await call('campaign-get', { id: campaignId })
  const search = (await call('campaign-deliveries', { id: campaignId, limit: 1, offset: 3 })).items[0]!.contactName!.slice(0, 4)
  const payloads: Record<string, unknown> = {
    groups,
    tagUsage: { input: { kind: 'tag', id: tag.id }, output: await call('group-usage', { kind: 'tag', id: tag.id }) },
    campaign,
    deliveries: {
      first: await call('campaign-deliveries', { id: campaignId, limit: 100, offset: 0 }),
      second: await call('campaign-deliveries', { id: campaignId, limit: 100, offset: 100 }),
      sent: await call('campaign-deliveries', { id: campaignId, status: 'sent', limit: 100, offset: 0 }),
      search: { text: search, page: await call('campaign-deliveries', { id: campaignId, search, limit: 100, offset: 0 }) },
    },
    sentCsv: await call('campaign-deliveries-csv', { id: campaignId, status: 'sent' }),
  }
  // Queued last (the outbox may carry them out while the rest is read).
  payloads.tagCreated = await call('group-create', { kind: 'tag', name: 'Wholesale' })
  payloads.groupsAfterCreate = await call('groups-list', {})
  payloads.tagDeleted = await call('group-delete', { kind: 'tag', id: tag.id })
  return payloads
}

describe('the renderer tests’ payloads', () => {
  it('are what the core answers', async () => {
    const payloads = await record()
    if (process.env.UPDATE_PAYLOADS) await writeFile(FILE, `${JSON.stringify(payloads, null, 1)}\n`)
    expect(payloads).toEqual(JSON.parse(await readFile(FILE, 'utf8')))
  })
})
