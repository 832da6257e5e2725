// The sync status tells the user what is true: a network that is down is "offline", a
// SkyLight that answers with errors is not; and an outbox that meets the network error
// first makes sync look at once instead of saying "idle" until its next poll.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openCore, type Core } from '../../../src/main/core'
import { SessionSecretStore } from '../../../src/main/core/secrets/secret-store'
import { createSkyLightApi, RateBudget } from '../../../src/main/core/skylight'
import { openStore } from '../../../src/main/core/store'
import { AccountSync } from '../../../src/main/core/sync/account-sync'
import { startSandbox, type Sandbox } from '../../../src/sandbox'
import type { EventPayload } from '../../../src/shared/contract'

const cleanups: (() => Promise<unknown>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function sandboxAndDir(): Promise<{ sandbox: Sandbox; dir: string }> {
  const sandbox = await startSandbox({ port: 0, seed: 3, accounts: 1, rateLimit: { limit: 10_000, windowMs: 60_000 } })
  const dir = await mkdtemp(join(tmpdir(), 'skylight-status-'))
  cleanups.push(() => sandbox.close(), () => rm(dir, { recursive: true, force: true }))
  return { sandbox, dir }
}

describe('the sync status', () => {
  it('is server-error while SkyLight answers 500s, and offline only when it cannot be reached', async () => {
    const { sandbox, dir } = await sandboxAndDir()
    const store = openStore({ path: join(dir, 'account.sqlite') })
    cleanups.push(async () => store.close())
    const api = createSkyLightApi({ baseUrl: sandbox.url, apiKey: sandbox.accounts[0]!.apiKey, budget: new RateBudget({ limit: 10_000, windowMs: 60_000 }), retryBaseMs: 5, retryMaxMs: 10, maxAttempts: 2 })
    const sync = new AccountSync({ api, db: store.db, onEvent: () => {}, timings: { pollMs: 3_600_000 } })
    cleanups.push(() => sync.stop())
    await sandbox.control.setFaults({ rules: [{ path: /./, kind: 'status', status: 500, times: 1_000 }] })
    await sync.syncNow('first')
    expect(sync.status).toMatchObject({ state: 'server-error', message: expect.stringMatching(/SkyLight had a problem \(500\)/) })
    await sandbox.control.clearFaults()
    await sandbox.control.setOffline(true)
    await sync.syncNow('first')
    expect(sync.status.state).toBe('offline')
  })

  it('turns offline as soon as the outbox meets the network down, not at the next poll', async () => {
    const { sandbox, dir } = await sandboxAndDir()
    const events: { event: string; payload: unknown }[] = []
    const core: Core = await openCore({
      dataDir: dir,
      appVersion: 'test',
      keychain: new SessionSecretStore(),
      rateLimit: { limit: 10_000, windowMs: 60_000 },
      client: { maxAttempts: 1, retryBaseMs: 10, timeoutMs: 2_000 },
      // Polls far apart: only the outbox's nudge can make sync look.
      syncTimings: { pollMs: 3_600_000 },
    })
    cleanups.push(() => core.close())
    core.on((event, payload) => events.push({ event, payload }))
    const added = await core.dispatch('account-add', { apiKey: sandbox.accounts[0]!.apiKey, baseUrl: sandbox.url })
    if (!added.ok) throw new Error(added.error.message)
    const accountId = (added.value as { id: string }).id
    const status = () => events.filter((e) => e.event === 'sync-status').map((e) => e.payload as EventPayload<'sync-status'>).filter((s) => s.accountId === accountId)
    while (!status().some((s) => s.firstSyncDone && s.state === 'idle')) await new Promise((r) => setTimeout(r, 20))

    const contact = sandbox.control.dump(sandbox.accounts[0]!.id).contacts.find((c) => c.type === 'whatsapp')!
    await sandbox.control.setOffline(true)
    const sent = await core.dispatch('message-send', { contactId: contact.id, text: 'While the network is down' })
    expect(sent.ok).toBe(true)
    while (status().at(-1)?.state !== 'offline') await new Promise((r) => setTimeout(r, 20))
    expect(status().at(-1)).toMatchObject({ state: 'offline' })
  })
})
