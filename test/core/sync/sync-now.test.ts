// "Sync now" during a poll is not answered by the poll: the refresh the user asked for
// follows it.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { createSkyLightApi, RateBudget } from '../../../src/main/core/skylight'
import { openStore } from '../../../src/main/core/store'
import { AccountSync } from '../../../src/main/core/sync/account-sync'
import { startSandbox } from '../../../src/sandbox'

it('a refresh asked for while a poll runs follows the poll', async () => {
  const sandbox = await startSandbox({ port: 0, seed: 9, accounts: 1, rateLimit: { limit: 10_000, windowMs: 60_000 } })
  const dir = await mkdtemp(join(tmpdir(), 'skylight-sync-now-'))
  const store = openStore({ path: join(dir, 'account.sqlite') })
  const api = createSkyLightApi({ baseUrl: sandbox.url, apiKey: sandbox.accounts[0]!.apiKey, budget: new RateBudget({ limit: 10_000, windowMs: 60_000 }) })
  const sync = new AccountSync({ api, db: store.db, onEvent: () => {}, timings: { pollMs: 3_600_000 } })
  try {
    await sync.syncNow('first')
    sandbox.control.clearRequestLog()
    // The poll's first request is held, so the refresh is asked for while it runs.
    await sandbox.control.setFaults({ rules: [{ method: 'GET', path: /\/conversations$/, kind: 'latency', ms: 300 }] })
    const poll = sync.syncNow('poll')
    const refresh = sync.syncNow('refresh')
    await Promise.all([poll, refresh])
    const paths = sandbox.control.requestLog().map((e) => e.path)
    // A refresh reads the account; a poll does not.
    expect(paths).toContain('/api/v1/account')
  } finally {
    await sync.stop()
    store.close()
    await sandbox.close()
    await rm(dir, { recursive: true, force: true })
  }
})
