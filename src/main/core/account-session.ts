// One account at run time: its store, its API client, its sync engine (on a thread of its
// own) and its outbox. Opened when the account is added or the app starts, closed (sync
// and outbox stopped first) on removal or quit.
import { join } from 'node:path'
import { Outbox, type OutboxEvent, type OutboxTimings } from './outbox'
import type { AccountSecretName } from './secrets/account-secrets'
import type { SkyLightApi } from './skylight'
import { openStore, type Store } from './store'
import type { SyncEvent, SyncTimings } from './sync/account-sync'
import { SyncThread } from './sync/thread/sync-thread'

export interface AccountSessionOptions {
  accountId: string
  folder: string
  api: SkyLightApi
  timings?: Partial<SyncTimings>
  outboxTimings?: Partial<OutboxTimings>
  /** The account's secrets in the keychain, for actions that need one when they are sent. */
  secret?: (name: AccountSecretName) => Promise<string | null>
  onSyncEvent: (event: SyncEvent) => void
  onOutboxEvent: (event: OutboxEvent) => void
  /** Failures for the log (the core's redacting logger). */
  onError?: (error: unknown) => void
  /** The outbox's clock (sync keeps time on its own thread). */
  now?: () => number
  /** The sync thread's built module (the app's bundle); from source, thread.ts. */
  syncThreadEntry?: URL
}

export class AccountSession {
  readonly accountId: string
  readonly folder: string
  readonly store: Store
  readonly api: SkyLightApi
  readonly sync: SyncThread
  readonly outbox: Outbox
  readonly #stopPauseNews: () => void

  private constructor(options: AccountSessionOptions, store: Store) {
    this.accountId = options.accountId
    this.folder = options.folder
    this.store = store
    this.api = options.api
    const now = options.now ? { now: options.now } : {}
    this.sync = new SyncThread({
      path: store.path,
      api: options.api,
      db: store.db,
      onEvent: (event) => {
        // Sync getting through after being offline means the outbox can go too.
        if (event.type === 'status' && event.status.state === 'idle') this.outbox.nudge()
        options.onSyncEvent(event)
      },
      ...(options.timings ? { timings: options.timings } : {}),
      ...(options.syncThreadEntry ? { entry: options.syncThreadEntry } : {}),
    })
    this.outbox = new Outbox({
      api: options.api,
      db: store.db,
      stagingDir: join(options.folder, 'staging'),
      ...(options.secret ? { secret: options.secret } : {}),
      onEvent: (event) => {
        // An action that met a network error while sync still thinks all is well: sync
        // checks now, so the status says "offline" in a second, not at its next poll.
        if (event.type === 'action' && event.action.state === 'queued' && event.action.lastError?.type === 'network') {
          const state = this.sync.status.state
          if (state === 'idle') void this.sync.syncNow('poll')
        }
        options.onOutboxEvent(event)
      },
      ...(options.onError ? { onError: options.onError } : {}),
      ...(options.outboxTimings ? { timings: options.outboxTimings } : {}),
      ...now,
    })
    // A 429 pauses the key for sync and outbox alike: the status carries the countdown.
    this.#stopPauseNews =
      options.api.client.budget.onPause?.(() => options.onSyncEvent({ type: 'status', status: this.sync.status })) ?? (() => {})
  }

  static open(options: AccountSessionOptions): AccountSession {
    return new AccountSession(options, openStore({ path: join(options.folder, 'account.sqlite') }))
  }

  /** Starts syncing and carrying out queued actions (not while the key is rejected). */
  start(keyRejected: boolean): void {
    if (keyRejected) {
      this.outbox.pauseForKey()
      return
    }
    this.outbox.start()
    this.sync.start()
  }

  /** The machine woke up or the network came back. */
  resume(): void {
    this.sync.resume()
    this.outbox.nudge()
  }

  async close(): Promise<void> {
    // The sync thread closes its connection before the file may be deleted (Windows
    // refuses to delete an open file).
    this.#stopPauseNews()
    await Promise.all([this.sync.stop(), this.outbox.stop()])
    this.api.client.budget.dispose()
    this.store.close()
  }
}
