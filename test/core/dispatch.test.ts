import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openCore, type Core } from '../../src/main/core'
import { createDispatcher } from '../../src/main/core/contract/dispatch'
import { SessionSecretStore } from '../../src/main/core/secrets/secret-store'
import { ValidationError } from '../../src/main/core/skylight/errors'
import { methods, type Handlers } from '../../src/shared/contract'

let dataDir: string
let core: Core

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'skylight-dispatch-'))
  core = await openCore({ dataDir, appVersion: '1.2.3', keychain: new SessionSecretStore() })
})
afterEach(async () => {
  await core.close()
  await rm(dataDir, { recursive: true, force: true })
})

describe('the contract dispatcher', () => {
  it('answers a known method with its validated output', async () => {
    const result = await core.dispatch('app-info', {})
    expect(result).toEqual({ ok: true, value: { name: 'SkyLight Desk', version: '1.2.3', platform: process.platform, dataFolder: dataDir } })
  })

  it('refuses unknown methods and malformed inputs with a clear error', async () => {
    expect(await core.dispatch('drop-tables', {})).toMatchObject({ ok: false, error: { type: 'unknown-method' } })
    expect(await core.dispatch('__proto__', {})).toMatchObject({ ok: false, error: { type: 'unknown-method' } })
    expect(await core.dispatch('toString', {})).toMatchObject({ ok: false, error: { type: 'unknown-method' } })
    const bad = await core.dispatch('app-info', { extra: true })
    expect(bad).toMatchObject({ ok: false, error: { type: 'invalid-input' } })
    expect(bad.ok === false && bad.error.message).toMatch(/app-info/)
    const wrongType = await core.dispatch('settings-set', { syncIntervalSeconds: 'soon' })
    expect(wrongType).toMatchObject({ ok: false, error: { type: 'invalid-input', message: expect.stringMatching(/syncIntervalSeconds/) } })
    expect(await core.dispatch('account-add', { apiKey: '   ' })).toMatchObject({ ok: false, error: { type: 'invalid-input' } })
    expect(await core.dispatch('account-remove', null)).toMatchObject({ ok: false, error: { type: 'invalid-input' } })
  })

  it('passes typed errors through and hides unexpected ones', async () => {
    const seen: unknown[] = []
    const failing = (error: Error) => ({ ...core.handlers, 'app-info': async () => Promise.reject(error) }) as Handlers
    const typed = createDispatcher(failing(new ValidationError('Name is required', 422, { name: ['Required'] })))
    expect(await typed('app-info', {})).toEqual({
      ok: false,
      error: { type: 'validation', message: 'Name is required', fields: { name: ['Required'] } },
    })
    const hidden = createDispatcher(failing(new Error('SQLITE_CORRUPT at /home/x/secret')), (e) => seen.push(e))
    const result = await hidden('app-info', {})
    expect(result).toMatchObject({ ok: false, error: { type: 'internal' } })
    expect(JSON.stringify(result)).not.toContain('SQLITE_CORRUPT')
    expect(seen).toHaveLength(1)
  })

  it('takes ids only as integers: no string read with Number() ("" → 0, "0x10" → 16)', async () => {
    for (const id of ['', '0x10', '16', '1e3', 1.5, Number.MAX_SAFE_INTEGER + 2]) {
      for (const [method, input] of [
        ['campaign-command', { id, command: 'start' }],
        ['campaign-delete', { id }],
        ['campaign-update', { id, changes: { name: 'x' } }],
        ['contact-get', { id }],
        ['media-get', { id }],
      ] as const) {
        const result = await core.dispatch(method, input)
        expect(result, `${method} ${JSON.stringify(id)}`).toMatchObject({ ok: false, error: { type: 'invalid-input', message: expect.stringMatching(/id/) } })
      }
    }
    for (const actionId of ['', '0x10', '1e3', '01', '-1', ' 7', '1.0']) {
      const result = await core.dispatch('outbox-retry', { actionId })
      expect(result, JSON.stringify(actionId)).toMatchObject({ ok: false, error: { type: 'invalid-input', message: expect.stringMatching(/actionId/) } })
    }
  })

  it('registers a handler for every method of the contract', async () => {
    const { methods } = await import('../../src/shared/contract')
    expect(Object.keys(core.handlers).sort()).toEqual(Object.keys(methods).sort())
  })
})

describe('the contract’s campaign edit', () => {
  it('passes on only the fields the user changed (no defaults that would empty the audience)', () => {
    const parsed = methods['campaign-update'].input.parse({ id: 7, changes: { contactIds: [3] } })
    expect(parsed.changes).toEqual({ contactIds: [3] })
    expect(methods['campaign-create'].input.parse({ name: 'A', channelId: 1, message: 'Hi' })).toMatchObject({ contactIds: [], listIds: [], segmentIds: [] })
  })
})

describe('a view’s notification', () => {
  it('goes to the shell as a notify event (a page may not show one itself)', async () => {
    const seen: { event: string; payload: unknown }[] = []
    core.on((event, payload) => seen.push({ event, payload }))
    expect(await core.dispatch('app-notify', { title: 'A visitor is waiting', body: 'Layla is waiting for a person on the website chat.' })).toEqual({ ok: true, value: {} })
    expect(seen).toContainEqual({ event: 'notify', payload: { title: 'A visitor is waiting', body: 'Layla is waiting for a person on the website chat.' } })
    expect(await core.dispatch('app-notify', { title: ' ', body: '' })).toMatchObject({ ok: false, error: { type: 'invalid-input' } })
  })
})
