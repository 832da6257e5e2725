// The open sessions of all accounts: each account with a usable key has its store open and
// its sync running, so every account stays current and switching is instant. Sync events
// are forwarded as contract events, tagged with the account.
import type { AccountManager } from './accounts/account-manager'
import { ChannelWatch } from './channel-watch'
import type { AccountRecord } from './accounts/registry'
import { AccountSession } from './account-session'
import type { CoreEvents } from './core-events'
import type { AccountSummary, SyncStatusView } from '../../shared/contract'
import type { SyncStatus, SyncTimings } from './sync/account-sync'
import type { OutboxEvent } from './outbox'
import { actionView, outboxCounts } from './outbox-view'
import { contactName, unreadTotal } from './store'

export interface AccountSessionsOptions {
  accounts: AccountManager
  events: CoreEvents
  timings: () => Partial<SyncTimings>
  now?: () => number
  /** The sync thread's built module (see CoreOptions.syncThreadEntry). */
  syncThreadEntry?: URL
  /** SkyLight rejected the account's key (its sync has stopped). */
  onKeyRejected: (accountId: string) => void
  onError?: (error: unknown) => void
}

export class AccountSessions {
  readonly #o: AccountSessionsOptions
  /** Which channels were connected, to tell of one that drops. */
  readonly channels = new ChannelWatch()
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

  /** The account's channels were re-read or answered live: tell of any that dropped. */
  channelsChanged(accountId: string): void {
    const session = this.#open.get(accountId)
    if (!session) return
    for (const drop of this.channels.check(accountId, session.store.db)) {
      this.#o.events.emit('channel-dropped', { accountId, type: drop.type, syncStatus: drop.syncStatus })
    }
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
      ...(this.#o.syncThreadEntry ? { syncThreadEntry: this.#o.syncThreadEntry } : {}),
      onSyncEvent: (event) => {
        if (event.type === 'changed') {
          this.#o.events.emit('data-changed', { accountId: account.id, resources: event.resources, contactIds: event.contactIds })
          if (event.resources.includes('account')) this.channelsChanged(account.id)
          if (event.resources.includes('conversations') || event.resources.includes('messages')) this.#emitUnread()
        } else if (event.type === 'inbound') {
          const name = contactName(this.#open.get(account.id)!.store.db, event.contactId)
          this.#o.events.emit('inbound-message', {
            accountId: account.id,
            contactId: event.contactId,
            contactName: name ?? 'New message',
            preview: event.preview,
          })
        } else {
          this.#o.events.emit('sync-status', statusView(account.id, event.status, api.client.budget.pausedUntil))
          if (event.status.state === 'key-rejected') this.#keyRejected(account.id)
        }
      },
      onOutboxEvent: (event) => this.#outboxEvent(account.id, event),
      ...(this.#o.onError ? { onError: this.#o.onError } : {}),
    })
    this.#open.set(account.id, session)
    // Learn which channels are connected now, so the first re-read can tell of a drop.
    this.channels.check(account.id, session.store.db)
    session.start(account.keyRejectedAt !== null)
    return session
  }

  async close(accountId: string): Promise<void> {
    const session = this.#open.get(accountId)
    this.#open.delete(accountId)
    this.channels.forget(accountId)
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
    for (const session of this.#open.values()) session.resume()
  }

  #lastUnread = -1

  /** The badge counts every account's unread messages; told only when the number moves. */
  #emitUnread(): void {
    let count = 0
    for (const session of this.#open.values()) count += unreadTotal(session.store.db)
    if (count === this.#lastUnread) return
    this.#lastUnread = count
    this.#o.events.emit('unread-total', { count })
  }

  /** Either half (sync or outbox) met a 401: both stop until the key is replaced. */
  #keyRejected(accountId: string): void {
    this.#open.get(accountId)?.outbox.pauseForKey()
    this.#o.onKeyRejected(accountId)
  }

  #outboxEvent(accountId: string, event: OutboxEvent): void {
    const events = this.#o.events
    switch (event.type) {
      case 'outbox':
        events.emit('outbox-changed', { accountId, counts: outboxCounts(event.counts) })
        return
      case 'action':
        events.emit('outbox-action', { accountId, action: actionView(event.action) })
        return
      case 'progress':
        events.emit('outbox-progress', { accountId, actionId: String(event.actionId), sent: event.sent, total: event.total })
        return
      case 'changed':
        events.emit('data-changed', { accountId, resources: event.resources, contactIds: event.contactIds ?? [] })
        return
      case 'key-rejected':
        this.#keyRejected(accountId)
        return
    }
  }
}

/** `pausedUntil`: when SkyLight's 429 lets this key send again (the status strip counts down). */
export function statusView(accountId: string, status: SyncStatus, pausedUntil?: number | null): SyncStatusView {
  return { accountId, ...status, retryAt: pausedUntil ? new Date(pausedUntil).toISOString() : null }
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
