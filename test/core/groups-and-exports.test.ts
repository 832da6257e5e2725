// Tags, lists and segments created, renamed and deleted through the contract (queued, shown
// at once, carried out over HTTP against the sandbox), and the delivery table and contacts
// list read page by page, filtered, searched and exported as CSV.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCore, type Core } from '../../src/main/core'
import { SessionSecretStore } from '../../src/main/core/secrets/secret-store'
import { driveCore } from '../support/core-driver'
import { startSandbox, type Sandbox } from '../../src/sandbox'

let sandbox: Sandbox
let dataDir: string
let core: Core
let accountKey: string
let accountServerId: number
let statuses: { state: string; kind: string | null }[] = []
const driver = driveCore(() => core)
const { call, eventually: until } = driver

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 21, accounts: 1, size: { contacts: 640 }, autoAdvance: false, rateLimit: { limit: 100_000, windowMs: 60_000 } })
  accountKey = sandbox.accounts[0]!.apiKey
  accountServerId = sandbox.accounts[0]!.id
  dataDir = await mkdtemp(join(tmpdir(), 'skylight-groups-'))
  core = await openCore({ dataDir, appVersion: 'test', keychain: new SessionSecretStore(), rateLimit: { limit: 100_000, windowMs: 60_000 }, client: { maxAttempts: 2, retryBaseMs: 10 } })
  core.on((event, payload) => {
    if (event === 'sync-status') statuses.push(payload as { state: string; kind: string | null })
  })
  const added = await call('account-add', { apiKey: accountKey, baseUrl: sandbox.url })
  await until(async () => (await call('sync-status', { accountId: added.id }))?.firstSyncDone === true)
})
afterAll(async () => {
  await core?.close()
  await sandbox?.close()
  await rm(dataDir, { recursive: true, force: true })
})

/** The outbox empty, and nothing in it failed. */
async function drained(): Promise<void> {
  await driver.drained()
  expect((await call('outbox-list', { states: ['failed'] })).actions).toEqual([])
}

/** A refresh (or a full pass) asked for, run and finished: idle after it was seen running. */
async function refresh(kind: 'refresh' | 'full' = 'refresh'): Promise<void> {
  statuses = []
  await call('sync-now', { kind })
  await until(() => {
    const ran = statuses.findIndex((s) => s.kind === kind && s.state === 'syncing')
    return ran >= 0 && statuses.slice(ran).some((s) => s.state === 'idle')
  })
}

const dump = () => sandbox.control.dump(accountServerId)

describe('tags, lists and segments', () => {
  it('a tag is created, renamed on every contact that has it, and deleted from them, each shown at once', async () => {
    const created = await call('group-create', { kind: 'tag', name: 'Wholesale buyers' })
    expect(created.localId).toBeLessThan(0)
    expect((await call('groups-list', {})).tags).toContainEqual(expect.objectContaining({ id: created.localId, name: 'Wholesale buyers' }))
    await drained()
    const onServer = dump().tags.find((t) => t.title === 'Wholesale buyers')!
    expect(onServer).toBeDefined()
    const tags = (await call('groups-list', {})).tags
    expect(tags.find((t) => t.name === 'Wholesale buyers')!.id).toBe(onServer.id)
    expect(tags.some((t) => t.id < 0)).toBe(false)

    // A tag on contacts: renamed here and on SkyLight, every contact keeps it under the new title.
    const used = dump().tags.filter((t) => t.contacts_count > 0).sort((a, b) => b.contacts_count - a.contacts_count)[0]!
    const usage = await call('group-usage', { kind: 'tag', id: used.id })
    expect(usage).toEqual({ name: used.title, contacts: used.contacts_count })
    const tagged = (await call('contacts-page', { tag: used.title, limit: 500 })).items.map((c) => c.id)
    expect(tagged).toHaveLength(used.contacts_count)
    await call('group-rename', { kind: 'tag', id: used.id, name: 'Top customers' })
    expect((await call('contacts-page', { tag: 'Top customers', limit: 500 })).items.map((c) => c.id)).toEqual(tagged)
    expect((await call('contact-get', { id: tagged[0]! })).tags).toContain('Top customers')
    await drained()
    expect(dump().tags.find((t) => t.id === used.id)!.title).toBe('Top customers')
    await refresh()
    expect((await call('contacts-page', { tag: 'Top customers', limit: 500 })).total).toBe(tagged.length)

    // Deleted: off every contact at once, and a refresh does not bring it back before or after.
    await call('group-delete', { kind: 'tag', id: used.id })
    expect((await call('contacts-page', { tag: 'Top customers', limit: 500 })).total).toBe(0)
    expect((await call('contact-get', { id: tagged[0]! })).tags).not.toContain('Top customers')
    await drained()
    expect(dump().tags.some((t) => t.id === used.id)).toBe(false)
    expect(dump().contacts.filter((c) => c.tags.includes('Top customers'))).toEqual([])
    await refresh()
    expect((await call('groups-list', {})).tags.some((t) => t.id === used.id)).toBe(false)
  })

  it('a list created and renamed before it went out is one request; deleting it ends its memberships', async () => {
    const { localId } = await call('group-create', { kind: 'list', name: 'Ramadan offers' })
    await call('group-rename', { kind: 'list', id: localId, name: 'عروض رمضان' })
    // A list SkyLight does not have yet takes no members: said plainly, nothing queued.
    const contact = (await call('contacts-page', { limit: 1 })).items[0]!
    await expect(call('contact-list', { id: contact.id, listId: localId, add: true })).rejects.toMatchObject({ type: 'invalid-input' })
    await drained()
    const lists = dump().lists
    expect(lists.filter((l) => l.name === 'Ramadan offers')).toEqual([])
    const list = lists.find((l) => l.name === 'عروض رمضان')!
    expect((await call('groups-list', {})).lists).toContainEqual(expect.objectContaining({ id: list.id, name: 'عروض رمضان' }))

    const member = (await call('contacts-page', { limit: 3 })).items.map((c) => c.id)
    for (const id of member) await call('contact-list', { id, listId: list.id, add: true })
    await drained()
    expect(await call('group-usage', { kind: 'list', id: list.id })).toEqual({ name: 'عروض رمضان', contacts: 3 })
    await call('group-delete', { kind: 'list', id: list.id })
    expect((await call('contact-get', { id: member[0]! })).lists.map((l) => l.id)).not.toContain(list.id)
    await drained()
    expect(dump().lists.some((l) => l.id === list.id)).toBe(false)
  })

  it('a segment renamed and deleted; one deleted elsewhere meanwhile counts as deleted', async () => {
    const [first, second] = dump().segments
    await call('group-rename', { kind: 'segment', id: first!.id, name: 'Riyadh region' })
    expect((await call('groups-list', {})).segments.find((s) => s.id === first!.id)!.name).toBe('Riyadh region')
    await drained()
    expect(dump().segments.find((s) => s.id === first!.id)!.name).toBe('Riyadh region')

    await fetch(`${sandbox.url}/api/v1/contacts/segments/${second!.id}`, { method: 'DELETE', headers: { 'X-Api-Key': accountKey, Accept: 'application/json' } })
    await call('group-delete', { kind: 'segment', id: second!.id })
    await drained()
    expect((await call('groups-list', {})).segments.some((s) => s.id === second!.id)).toBe(false)
    await expect(call('group-rename', { kind: 'segment', id: second!.id, name: 'Gone' })).rejects.toMatchObject({ type: 'not-found' })
  })
})

describe('the delivery table and CSV exports', () => {
  it('pages through every recipient, filters by status, searches by name or phone, and exports what matches', async () => {
    const state = dump()
    const channel = state.channels.find((c) => c.is_connected && c.type === 'whatsapp')!
    const audience = state.contacts.filter((c) => !c.blacklisted).map((c) => c.id)
    const answer = await fetch(`${sandbox.url}/api/v1/campaigns`, {
      method: 'POST',
      headers: { 'X-Api-Key': accountKey, Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Big launch', channel_id: channel.id, message: 'Hello', contact_ids: audience }),
    })
    const campaignId = ((await answer.json()) as { data: { id: number } }).data.id
    await fetch(`${sandbox.url}/api/v1/campaigns/${campaignId}/start`, { method: 'POST', headers: { 'X-Api-Key': accountKey, Accept: 'application/json' } })
    sandbox.control.advanceCampaigns(40, accountServerId)
    await refresh()

    const server = dump().campaigns.find((c) => c.id === campaignId)!
    expect(server.campaign_contacts_count).toBeGreaterThan(500)
    const seen = new Set<number>()
    let total = 0
    for (let offset = 0; ; offset += 200) {
      const page = await call('campaign-deliveries', { id: campaignId, limit: 200, offset })
      total = page.total
      for (const row of page.items) seen.add(row.contactId)
      if (page.items.length < 200) break
    }
    expect(total).toBe(server.campaign_contacts_count)
    expect(seen.size).toBe(total)

    const detail = await call('campaign-get', { id: campaignId })
    for (const [status, count] of Object.entries(detail.deliveryByStatus)) {
      const page = await call('campaign-deliveries', { id: campaignId, status, limit: 10 })
      expect(page.total, status).toBe(count)
      expect(page.items.every((r) => r.status === status)).toBe(true)
    }
    const sent = await call('campaign-deliveries', { id: campaignId, status: 'sent', limit: 1 })
    expect(sent.items[0]!.sentAt).not.toBeNull()

    // Search by part of a name (any case) and by the phone's digits however typed.
    const someone = (await call('campaign-deliveries', { id: campaignId, limit: 50, offset: 17 })).items.find((r) => r.phone && r.contactName)!
    const byName = await call('campaign-deliveries', { id: campaignId, search: someone.contactName!.slice(1, 5).toUpperCase(), limit: 500 })
    expect(byName.items.map((r) => r.contactId)).toContain(someone.contactId)
    const digits = someone.phone!.replace(/\D/g, '')
    const typed = `+${digits.slice(0, 3)} ${digits.slice(3, 5)}-${digits.slice(5)}`
    expect((await call('campaign-deliveries', { id: campaignId, search: typed, limit: 500 })).items.map((r) => r.contactId)).toEqual([someone.contactId])

    // The export: every matching row, not a page; UTF-8 with a BOM, CRLF, one header line.
    const all = await call('campaign-deliveries-csv', { id: campaignId })
    expect(all.csv.startsWith('\uFEFFContact,Phone,Status,Sent at,Error,Contact ID\r\n')).toBe(true)
    expect(all.rows).toBe(total)
    expect(all.csv.trimEnd().split('\r\n')).toHaveLength(total + 1)
    expect(all.fileName).toBe('Big launch delivery.csv')
    const failedCount = detail.deliveryByStatus.failed ?? 0
    const failed = await call('campaign-deliveries-csv', { id: campaignId, status: 'failed' })
    expect(failed.rows).toBe(failedCount)
    expect(failed.fileName).toBe('Big launch delivery failed.csv')
    // Phones start with "+": a spreadsheet would read them as formulas without the apostrophe.
    expect(all.csv).toContain(`,'${someone.phone},`)
  })

  it('exports the contacts list under its filter, Arabic names intact and formula-like cells disarmed', async () => {
    const headers = { 'X-Api-Key': accountKey, Accept: 'application/json', 'Content-Type': 'application/json' }
    for (const name of ['=HYPERLINK("http://evil.example","x")', 'نورة العتيبي', '@SUM(A1)']) {
      const made = await fetch(`${sandbox.url}/api/v1/contacts`, { method: 'POST', headers, body: JSON.stringify({ name, phone: `+9665${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`, type: 'telegram', tags: ['-export'] }) })
      expect(made.status, await made.clone().text()).toBe(201)
    }
    await refresh('full') // contacts made elsewhere arrive with a full pass
    const filtered = await call('contacts-csv', { tag: '-export' })
    expect(filtered.rows).toBe(3)
    const lines = filtered.csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n')
    expect(lines[0]).toBe('Name,Phone,Email,Channel,Status,Blacklisted,Tags,Lists,Segments,Last message at,Created at,Contact ID')
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(expect.arrayContaining(['"\'=HYPERLINK(""http://evil.example""', "'@SUM(A1)", 'نورة العتيبي']))
    expect(lines.slice(1).every((l) => l.includes(",'-export,"))).toBe(true)
    const everyone = await call('contacts-csv', {})
    expect(everyone.rows).toBe((await call('contacts-page', { limit: 1 })).total)
  })
})
