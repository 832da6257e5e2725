// One account at run time: its store, its API client and its sync engine. Opened when the
// account is added or the app starts, closed (sync stopped first) on removal or quit.
import { join } from 'node:path'
import type { SkyLightApi } from './skylight'
import { openStore, type Store } from './store'
import { AccountSync, type SyncEvent, type SyncTimings } from './sync/account-sync'

export interface AccountSessionOptions {
  accountId: string
  folder: string
  api: SkyLightApi
  timings?: Partial<SyncTimings>
  onSyncEvent: (event: SyncEvent) => void
  now?: () => number
}

export class AccountSession {
  readonly accountId: string
  readonly store: Store
  readonly api: SkyLightApi
  readonly sync: AccountSync

  private constructor(options: AccountSessionOptions, store: Store) {
    this.accountId = options.accountId
    this.store = store
    this.api = options.api
    this.sync = new AccountSync({
      api: options.api,
      db: store.db,
      onEvent: options.onSyncEvent,
      ...(options.timings ? { timings: options.timings } : {}),
      ...(options.now ? { now: options.now } : {}),
    })
  }

  static open(options: AccountSessionOptions): AccountSession {
    return new AccountSession(options, openStore({ path: join(options.folder, 'account.sqlite') }))
  }

  async close(): Promise<void> {
    await this.sync.stop()
    this.api.client.budget.dispose()
    this.store.close()
  }
}
