// One synced account for the conformance suite: a sandbox over real HTTP, a real store file
// after a first sync, and an outbox on it that runs only when a test starts it.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { Outbox } from '../../src/main/core/outbox'
import { createSkyLightApi, RateBudget, type SkyLightApi } from '../../src/main/core/skylight'
import { openStore, type Store } from '../../src/main/core/store'
import { AccountSync, type SyncEvent } from '../../src/main/core/sync/account-sync'
import { startSandbox, type AccountDump, type Sandbox } from '../../src/sandbox'

export interface World {
  sandbox: Sandbox
  store: Store
  dir: string
  accountId: number
  api: SkyLightApi
  sync: AccountSync
  dump(): AccountDump
  /** An outbox that is not started: what it queues stays queued until start(). */
  outbox(): Outbox
  /** Waits until nothing is queued or in flight (the state, not a time budget, ends it). */
  drained(outbox: Outbox): Promise<void>
  close(): Promise<void>
}

/** onEvent: what the world's sync tells (its first sync included); now: the sandbox's clock. */
export async function syncedWorld(seed: number, options: { onEvent?: (event: SyncEvent) => void; now?: () => number } = {}): Promise<World> {
  const sandbox = await startSandbox({ port: 0, seed, accounts: 1, rateLimit: { limit: 100_000, windowMs: 60_000 }, ...(options.now ? { now: options.now } : {}) })
  const dir = await mkdtemp(join(tmpdir(), 'skylight-conformance-'))
  const store = openStore({ path: join(dir, 'account.sqlite') })
  const account = sandbox.accounts[0]!
  const api = createSkyLightApi({
    baseUrl: sandbox.url,
    apiKey: account.apiKey,
    budget: new RateBudget({ limit: 100_000, windowMs: 60_000 }),
    retryBaseMs: 5,
    retryMaxMs: 20,
    maxAttempts: 3,
  })
  // Long timers: each test drives the runs it needs.
  const sync = new AccountSync({ api, db: store.db, onEvent: options.onEvent ?? (() => {}), timings: { pollMs: 3_600_000 } })
  await sync.syncNow('first')
  if (sync.status.state !== 'idle') throw new Error(`first sync did not finish: ${JSON.stringify(sync.status)}`)
  const outboxes: Outbox[] = []
  return {
    sandbox,
    store,
    dir,
    accountId: account.id,
    api,
    sync,
    dump: () => sandbox.control.dump(account.id),
    outbox() {
      const outbox = new Outbox({
        api,
        db: store.db,
        stagingDir: join(dir, 'staging'),
        onEvent: () => {},
        timings: { retryBaseMs: 5, retryMaxMs: 20, maxRetryMs: 10_000, progressEveryMs: 0 },
      })
      outboxes.push(outbox)
      return outbox
    },
    async drained(outbox) {
      while (outbox.counts().queued + outbox.counts().inFlight > 0) await new Promise((r) => setTimeout(r, 10))
    },
    async close() {
      for (const o of outboxes) await o.stop()
      await sync.stop()
      store.close()
      await sandbox.close()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/**
 * Every row the views can show, table by table: the app's tables and the search indexes'
 * per-document rows (so a rollback that leaves a row findable shows), not the outbox's
 * own bookkeeping or sync cursors.
 */
export function localRows(store: Store): Record<string, unknown[]> {
  const tables = store.db.all<{ name: string }>(sql`
    SELECT name FROM sqlite_master WHERE type = 'table'
      AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' AND name NOT LIKE 'outbox_%' AND name <> 'sync_state'
      AND (name NOT LIKE '%_fts%' OR name LIKE '%_fts_docsize')
    ORDER BY name`)
  // A search index's `origin` column counts its own merges, not what it holds.
  const rows = (name: string) =>
    name.endsWith('_fts_docsize') ? store.db.all(sql`SELECT id, sz FROM ${sql.identifier(name)} ORDER BY id`) : store.db.all(sql`SELECT * FROM ${sql.identifier(name)} ORDER BY 1, 2`)
  return Object.fromEntries(tables.map(({ name }) => [name, rows(name)]))
}
