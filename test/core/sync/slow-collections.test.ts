// A refresh re-reads the seldom-changing collections (team, webhooks, tickets, bookings, the
// web chat history, AI agents, knowledge base, voice) only when their last read is half an
// hour old, or when the user asked to sync now.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { createSkyLightApi, RateBudget } from '../../../src/main/core/skylight'
import { openStore } from '../../../src/main/core/store'
import { AccountSync } from '../../../src/main/core/sync/account-sync'
import { markSlowCollectionsDue } from '../../../src/main/core/sync/plans'
import { startSandbox } from '../../../src/sandbox'

it('reads them every half hour of the clock, or at once when the user asks', async () => {
  const sandbox = await startSandbox({ port: 0, seed: 12, accounts: 1, rateLimit: { limit: 10_000, windowMs: 60_000 } })
  const dir = await mkdtemp(join(tmpdir(), 'skylight-slow-'))
  const store = openStore({ path: join(dir, 'account.sqlite') })
  const api = createSkyLightApi({ baseUrl: sandbox.url, apiKey: sandbox.accounts[0]!.apiKey, budget: new RateBudget({ limit: 10_000, windowMs: 60_000 }) })
  let now = Date.parse('2026-12-02T09:00:00Z')
  const sync = new AccountSync({ api, db: store.db, onEvent: () => {}, timings: { pollMs: 3_600_000, fullPassMs: 365 * 86_400_000 }, now: () => now })
  const readTeam = async () => {
    sandbox.control.clearRequestLog()
    await sync.syncNow('refresh')
    return sandbox.control.requestLog().some((e) => e.path === '/api/v1/team')
  }
  try {
    await sync.syncNow('first')
    now += 60_000
    expect(await readTeam()).toBe(false)
    now += 31 * 60_000
    expect(await readTeam()).toBe(true)
    now += 60_000
    expect(await readTeam()).toBe(false)
    markSlowCollectionsDue(store.db)
    expect(await readTeam()).toBe(true)
  } finally {
    await sync.stop()
    store.close()
    await sandbox.close()
    await rm(dir, { recursive: true, force: true })
  }
})
