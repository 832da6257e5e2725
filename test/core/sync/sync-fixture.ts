// What a sync test starts from: a sandbox over HTTP, a real SQLite file in a fresh folder,
// and the syncs the test starts — each stopped, and everything removed, after the test.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startSandbox, type Sandbox, type SandboxOptions } from '../../../src/sandbox'
import { openStore, type Store } from '../../../src/main/core/store'
import type { AccountSync } from '../../../src/main/core/sync/account-sync'

export interface SyncFixture {
  sandbox: Sandbox
  dir: string
  store: Store
  /** Push each sync started here; close() stops them. */
  syncs: AccountSync[]
  /** A test that needs another server (other data, other order) swaps it here. */
  replaceSandbox(options: SandboxOptions): Promise<Sandbox>
  close(): Promise<void>
}

export async function openSyncFixture(options: { accounts: number; folder: string }): Promise<SyncFixture> {
  const sandbox = await startSandbox({ port: 0, seed: 21, accounts: options.accounts, rateLimit: { limit: 10_000, windowMs: 60_000 } })
  const dir = await mkdtemp(join(tmpdir(), `skylight-${options.folder}-`))
  const store = openStore({ path: join(dir, 'account.sqlite') })
  const syncs: AccountSync[] = []
  const fixture: SyncFixture = {
    sandbox,
    dir,
    store,
    syncs,
    async replaceSandbox(options) {
      await this.sandbox.close()
      this.sandbox = await startSandbox(options)
      return this.sandbox
    },
    async close() {
      for (const s of syncs) await s.stop()
      store.close()
      await this.sandbox.close()
      await rm(dir, { recursive: true, force: true })
    },
  }
  return fixture
}
