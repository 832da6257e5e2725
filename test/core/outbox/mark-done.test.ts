// "Mark as done" through the contract, with the real core against the sandbox: a failed
// action the user knows went through is done and never sent; an action that creates
// something SkyLight Desk has not found cannot be marked (what waits on it would wait for
// ever); one still being sent cannot be either.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCore, type Core } from '../../../src/main/core'
import { SessionSecretStore } from '../../../src/main/core/secrets/secret-store'
import { outboxAction } from '../../../src/shared/contract/outbox'
import { startSandbox, type Sandbox } from '../../../src/sandbox'

let sandbox: Sandbox
let dataDir: string
let core: Core

async function call<T>(method: string, input: unknown): Promise<T> {
  const result = await core.dispatch(method, input)
  if (!result.ok) throw new Error(`${method}: ${result.error.type}: ${result.error.message}`)
  return result.value as T
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
  for (let i = 0; ; i++) {
    const value = await read()
    if (ok(value)) return value
    if (i > 3000) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

type Listed = { actions: { id: string; kind: string; state: string; markable: boolean; summary: string }[] }
const failed = () => call<Listed>('outbox-list', { states: ['failed'] })

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 5, accounts: 1, rateLimit: { limit: 10_000, windowMs: 60_000 } })
  dataDir = await mkdtemp(join(tmpdir(), 'skylight-mark-done-'))
  core = await openCore({ dataDir, appVersion: 'test', keychain: new SessionSecretStore(), rateLimit: { limit: 10_000, windowMs: 60_000 } })
  await call('account-add', { apiKey: sandbox.accounts[0]!.apiKey, baseUrl: sandbox.url })
  await until(() => call<{ state: string; firstSyncDone: boolean } | null>('sync-status', {}), (s) => s?.state === 'idle' && s.firstSyncDone, 'the first sync')
}, 120_000)
afterAll(async () => {
  await core?.close()
  await sandbox?.close()
  await rm(dataDir, { recursive: true, force: true })
})

describe('outbox-mark-done', () => {
  it('marks a refused send done: it leaves the outbox, is never sent, and the contract’s payload says it could be marked', async () => {
    // Instagram starts disconnected in the sandbox: a reply there is refused.
    const { items } = await call<{ items: { id: number }[] }>('contacts-page', { type: 'instagram', limit: 1 })
    const text = 'Sent from my phone instead'
    const { actionId } = await call<{ actionId: string }>('message-send', { contactId: items[0]!.id, text })
    const listed = await until(failed, (l) => l.actions.some((a) => a.id === actionId), 'the send to be refused')
    const action = listed.actions.find((a) => a.id === actionId)!
    const sends = () => sandbox.control.requestLog().filter((e) => e.method === 'POST' && e.path.endsWith('/messages/send') && JSON.stringify(e.body).includes(text)).length
    const before = sends()
    expect(outboxAction.parse(action)).toMatchObject({ state: 'failed', markable: true, lastError: { message: expect.stringMatching(/instagram/i) } })
    expect(await core.dispatch('outbox-mark-done', { actionId })).toEqual({ ok: true, value: {} })
    expect((await failed()).actions.some((a) => a.id === actionId)).toBe(false)
    expect(await core.dispatch('outbox-mark-done', { actionId })).toMatchObject({ ok: false, error: { type: 'invalid-input', message: expect.stringMatching(/already done/) } })
    sandbox.control.setChannelConnected(sandbox.accounts[0]!.id, 'instagram', true)
    // Nothing is sent for it, even with the channel back: a retry of a done action is refused.
    expect(await core.dispatch('outbox-retry', { actionId })).toMatchObject({ ok: false, error: { type: 'invalid-input' } })
    expect(sends()).toBe(before)
    sandbox.control.setChannelConnected(sandbox.accounts[0]!.id, 'instagram', false)
  })

  it('refuses to mark done a contact creation SkyLight Desk has not found, and an action not failed', async () => {
    sandbox.control.setFaults({ rules: [{ method: 'POST', path: '/contacts', kind: 'status', status: 422, times: 1 }] })
    const { actionId } = await call<{ actionId: string }>('contact-create', { name: 'Never made', phone: '+966540001234', type: 'whatsapp' })
    const listed = await until(failed, (l) => l.actions.some((a) => a.id === actionId), 'the creation to be refused')
    expect(listed.actions.find((a) => a.id === actionId)).toMatchObject({ kind: 'create-contact', markable: false })
    expect(await core.dispatch('outbox-mark-done', { actionId })).toMatchObject({ ok: false, error: { type: 'invalid-input', message: expect.stringMatching(/creates something new on SkyLight/) } })
    sandbox.control.clearFaults()
  })
})
