// The open sessions of all accounts: each account with a usable key has its store open and
// its sync running, so every account stays current and switching is instant. Sync events
// are forwarded as contract events, tagged with the account.
import type { AccountManager } from './accounts/account-manager'
import type { AccountRecord } from './accounts/registry'
import { AccountSession } from './account-session'
import type { CoreEvents } from './core-events'
import type { AccountSummary, SyncStatusView } from '../../shared/contract'
import type { SyncStatus, SyncTimings } from './sync/account-sync'

export interface AccountSessionsOptions {
  accounts: AccountManager
  events: CoreEvents
  timings: () => Partial<SyncTimings>
  now?: () => number
  /** SkyLight rejected the account's key (its sync has stopped). */
  onKeyRejected: (accountId: string) => void
  onError?: (error: unknown) => void
}

export class AccountSessions {
  readonly #o: AccountSessionsOptions
  readonly #open = new Map<string, AccountSession>()
  /** Accounts whose key could not be read (a session-only key after a restart, a locked keychain). */
  readonly #keyMissing = new Set<string>()

  constructor(options: AccountSessionsOptions) {
    this.#o = options
  }

  get(accountId: string): AccountSession | undefined {
    return this.#open.get(accountId)
  }

  isKeyMissing(accountId: string): boolean {
    return this.#keyMissing.has(accountId)
  }

  async openAll(): Promise<void> {
    for (const account of this.#o.accounts.list()) {
      try {
        await this.open(account)
      } catch (error) {
        // One account that cannot open (damaged file, locked keychain) must not stop the rest.
        this.#o.onError?.(error)
      }
    }
  }

  /** Opens the account's store and starts its sync (unless its key was rejected). */
  async open(account: AccountRecord): Promise<AccountSession | undefined> {
    await this.close(account.id)
    const api = await this.#o.accounts.api(account.id).catch(() => null)
    if (!api) {
      this.#keyMissing.add(account.id)
      return undefined
    }
    this.#keyMissing.delete(account.id)
    const session = AccountSession.open({
      accountId: account.id,
      folder: this.#o.accounts.folder(account.id),
      api,
      timings: this.#o.timings(),
      ...(this.#o.now ? { now: this.#o.now } : {}),
      onSyncEvent: (event) => {
        if (event.type === 'changed') {
          this.#o.events.emit('data-changed', { accountId: account.id, resources: event.resources, contactIds: event.contactIds })
        } else {
          this.#o.events.emit('sync-status', statusView(account.id, event.status))
          if (event.status.state === 'key-rejected') this.#o.onKeyRejected(account.id)
        }
      },
    })
    this.#open.set(account.id, session)
    if (!account.keyRejectedAt) session.sync.start()
    return session
  }

  async close(accountId: string): Promise<void> {
    const session = this.#open.get(accountId)
    this.#open.delete(accountId)
    await session?.close()
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.#open.keys()].map((id) => this.close(id)))
  }

  setTimings(timings: Partial<SyncTimings>): void {
    for (const session of this.#open.values()) session.sync.setTimings(timings)
  }

  /** Woke from sleep, or the network is back: every account catches up. */
  resumeAll(): void {
    for (const session of this.#open.values()) session.sync.resume()
  }
}

export function statusView(accountId: string, status: SyncStatus): SyncStatusView {
  return { accountId, ...status }
}

export function summary(account: AccountRecord, keyMissing: boolean): AccountSummary {
  return {
    id: account.id,
    serverId: account.serverId,
    name: account.name,
    baseUrl: account.baseUrl,
    keyStorage: account.keyStorage,
    keyRejected: account.keyRejectedAt !== null,
    keyMissing,
    isDemo: account.keyStorage === 'demo',
  }
}
