// The payloads the renderer's Support, Bookings and web chat tests answer with are the
// core's own: the lists (with their totals) and the events sync raises when support answers,
// a visitor starts waiting, or a visitor writes to a person. A real core over HTTP against a
// sandbox whose clock moves only when told. After a deliberate change of a payload:
// UPDATE_PAYLOADS=1 npx vitest run test/core/desk-list-payloads.test.ts
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCore, type Core } from '../../src/main/core'
import { SessionSecretStore } from '../../src/main/core/secrets/secret-store'
import { startSandbox, type Sandbox } from '../../src/sandbox'
import { driveCore } from '../support/core-driver'

const FILE = resolve('src/renderer/test/payloads/desk-lists.json')
let clock = Date.UTC(2026, 11, 2, 9, 30)

let sandbox: Sandbox
let dataDir: string
let core: Core
const driver = driveCore(() => core)
const { call, until } = driver

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 31, accounts: 1, autoAdvance: false, now: () => clock, rateLimit: { limit: 100_000, windowMs: 60_000 } })
  dataDir = await mkdtemp(join(tmpdir(), 'skylight-desk-payloads-'))
  core = await openCore({ dataDir, appVersion: 'test', keychain: new SessionSecretStore(), rateLimit: { limit: 100_000, windowMs: 60_000 } })
  driver.listen(core)
})
afterAll(async () => {
  await core?.close()
  await sandbox?.close()
  await rm(dataDir, { recursive: true, force: true })
})

async function record(): Promise<Record<string, unknown>> {
  const accountId = sandbox.accounts[0]!.id
  const added = await call('account-add', { apiKey: sandbox.accounts[0]!.apiKey, baseUrl: sandbox.url })
  await driver.eventually(async () => (await call('sync-status', { accountId: added.id }))?.firstSyncDone === true)
  const lists = {
    tickets: await call('tickets-list', { limit: 500 }),
    answeredTickets: await call('tickets-list', { status: 'answered', limit: 500 }),
    sessions: await call('web-chat-sessions', { limit: 500 }),
    bookings: await call('bookings-list', { limit: 500 }),
  }
  // A page is the full list's slice, with the same total (the renderer tests page through the full lists so).
  expect(await call('tickets-list', { limit: 2, offset: 2 })).toEqual({ items: lists.tickets.items.slice(2, 4), total: lists.tickets.total })
  expect(await call('web-chat-sessions', { limit: 2, offset: 2 })).toEqual({ ...lists.sessions, items: lists.sessions.items.slice(2, 4) })
  expect(await call('bookings-list', { limit: 5, offset: 10 })).toEqual({ items: lists.bookings.items.slice(10, 15), total: lists.bookings.total })
  // The first sync's history told nothing.
  expect(driver.events.filter((e) => ['ticket-answered', 'web-chat-waiting', 'web-chat-visitor-message'].includes(e.event))).toEqual([])

  const open = lists.tickets.items.find((t) => t.status === 'open' && t.id > 0)!
  clock += 1_000
  sandbox.control.supportReply({ accountId, ticketId: open.id, message: 'We fixed it on our side.' })
  await call('sync-now', { accountId: added.id, kind: 'refresh' })
  const answered = await until('ticket-answered', (e) => e.ticketId === open.id)

  clock += 1_000
  const asked = sandbox.control.visitorMessage({ accountId, askForHuman: true, visitorName: 'Nour' })
  await call('sync-now', { accountId: added.id, kind: 'poll' })
  const waiting = await until('web-chat-waiting', (e) => e.sessionId === asked.session_id)

  clock += 1_000
  await call('web-chat-command', { sessionId: asked.session_id, command: 'take-over' })
  await driver.drained()
  await call('sync-now', { accountId: added.id, kind: 'poll' })
  clock += 1_000
  sandbox.control.visitorMessage({ accountId, sessionId: asked.session_id, message: 'Are you still there?' })
  await call('sync-now', { accountId: added.id, kind: 'poll' })
  const wrote = await until('web-chat-visitor-message', (e) => e.sessionId === asked.session_id)

  // The account's and the new session's ids are made at random: named plainly in the file.
  const plain = (payload: object) => JSON.parse(JSON.stringify(payload).replaceAll(added.id, 'account-1').replaceAll(asked.session_id, 'sess_new'))
  return { lists, events: { ticketAnswered: plain(answered), webChatWaiting: plain(waiting), webChatVisitorMessage: plain(wrote) } }
}

describe('the Support, Bookings and web chat payloads', () => {
  it('are what the core answers and tells', async () => {
    const payloads = await record()
    if (process.env.UPDATE_PAYLOADS) await writeFile(FILE, `${JSON.stringify(payloads, null, 1)}\n`)
    expect(payloads).toEqual(JSON.parse(await readFile(FILE, 'utf8')))
  })
})
