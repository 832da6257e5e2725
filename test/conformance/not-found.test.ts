// One error vocabulary: every contract call that names a row the account does not have
// answers `not-found` with a sentence, whether it reads or writes — for every registered
// resource (the probes are in fixtures.ts) and for the outbox's own action ids.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCore, type Core } from '../../src/main/core'
import { resources } from '../../src/main/core/resources/registry'
import { SessionSecretStore } from '../../src/main/core/secrets/secret-store'
import { startSandbox, type Sandbox } from '../../src/sandbox'
import { fixtures } from './fixtures'

let sandbox: Sandbox
let dataDir: string
let core: Core

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 5, accounts: 1, rateLimit: { limit: 10_000, windowMs: 60_000 } })
  dataDir = await mkdtemp(join(tmpdir(), 'skylight-not-found-'))
  core = await openCore({ dataDir, appVersion: 'test', keychain: new SessionSecretStore(), rateLimit: { limit: 10_000, windowMs: 60_000 } })
  const added = await core.dispatch('account-add', { apiKey: sandbox.accounts[0]!.apiKey, baseUrl: sandbox.url })
  if (!added.ok) throw new Error(added.error.message)
})
afterAll(async () => {
  await core?.close()
  await sandbox?.close()
  await rm(dataDir, { recursive: true, force: true })
})

const probes = resources.flatMap((r) => fixtures[r.name].missing.map((probe) => [r.name, probe.method, probe.input] as const))

describe('a missing id', () => {
  it.each(probes)('%s: %s answers not-found', async (_resource, method, input) => {
    const result = await core.dispatch(method, input)
    expect(result).toMatchObject({ ok: false, error: { type: 'not-found' } })
    expect(!result.ok && result.error.message).toMatch(/\w+ .*\./)
  })

  it.each([['42424242']])('an outbox action id %j answers not-found', async (actionId) => {
    for (const method of ['outbox-retry', 'outbox-discard', 'outbox-mark-done'] as const) {
      expect(await core.dispatch(method, { actionId })).toMatchObject({ ok: false, error: { type: 'not-found' } })
    }
    expect(await core.dispatch('outbox-edit', { actionId, changes: { text: 'x' } })).toMatchObject({ ok: false, error: { type: 'not-found' } })
  })

  // Ids in the contract are strictly integers (issue 11 item 10): a malformed one is refused at the boundary.
  it.each([['abc'], [''], ['0x10']])('an outbox action id %j is invalid input', async (actionId) => {
    for (const method of ['outbox-retry', 'outbox-discard', 'outbox-mark-done'] as const) {
      expect(await core.dispatch(method, { actionId })).toMatchObject({ ok: false, error: { type: 'invalid-input' } })
    }
    expect(await core.dispatch('outbox-edit', { actionId, changes: { text: 'x' } })).toMatchObject({ ok: false, error: { type: 'invalid-input' } })
  })
})
