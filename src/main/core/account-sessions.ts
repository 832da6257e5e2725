// The open sessions of all accounts: each account with a usable key has its store open and
// its sync running, so every account stays current and switching is instant. Sync events
// are forwarded as contract events, tagged with the account. An account whose local file
// cannot be opened (damaged, in use, disk full) is listed with that state — never as a
// missing key — and a damaged one can be rebuilt from SkyLight (account-rebuild.ts).
import type { AccountManager } from './accounts/account-manager'
import { ChannelWatch } from './channel-watch'
import type { AccountRecord } from './accounts/registry'
import { AccountSession } from './account-session'
import { emitNotice, type CoreEvents } from './core-events'
import type { AccountSummary, SyncStatusView } from '../../shared/contract'
import type { SyncStatus, SyncTimings } from './sync/account-sync'
import type { OutboxEvent } from './outbox'
import { actionView, outboxCounts } from './outbox-view'
import { contactName, StoreError, unreadTotal } from './store'
import { pendingRequeue, rebuildAccountFile, requeueAfterFirstSync } from './account-rebuild'
import type { Digits, Language } from '../../shared/i18n/locale'

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
  /** Accounts whose local file could not be opened, with the reason. */
  readonly #unavailable = new Map<string, StoreError>()

  constructor(options: AccountSessionsOptions) {
    this.#o = options
  }

  get(accountId: string): AccountSession | undefined {
    return this.#open.get(accountId)
  }

  isKeyMissing(accountId: string): boolean {
    return this.#keyMissing.has(accountId)
  }

  /** Why the account's local file cannot be used, if it cannot. */
  unavailable(accountId: string): StoreError | undefined {
    return this.#unavailable.get(accountId)
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
    const folder = this.#o.accounts.folder(account.id)
    const requeue = await pendingRequeue(folder)
    let session: AccountSession
    try {
      session = this.#openSession(account, folder, api, requeue)
    } catch (error) {
      // The account stays listed, with what is wrong with its copy; its key is not blamed.
      if (!(error instanceof StoreError)) throw error
      this.#unavailable.set(account.id, error)
      return undefined
    }
    this.#unavailable.delete(account.id)
    this.#open.set(account.id, session)
    session.start(account.keyRejectedAt !== null)
    return session
  }

  /**
   * Moves the damaged file aside, keeps the unsent actions it can read, and opens a fresh
   * copy, which syncs from SkyLight; the actions are queued again after the first sync.
   */
  async rebuild(account: AccountRecord): Promise<AccountSession | undefined> {
    await this.close(account.id)
    await rebuildAccountFile(this.#o.accounts.folder(account.id), (this.#o.now ?? Date.now)())
    this.#unavailable.delete(account.id)
    return this.open(account)
  }

  #openSession(account: AccountRecord, folder: string, api: NonNullable<Awaited<ReturnType<AccountManager['api']>>>, requeue: readonly number[] | null): AccountSession {
    let waiting = requeue
    const session: AccountSession = AccountSession.open({
      accountId: account.id,
      folder,
      api,
      secret: (name) => this.#o.accounts.secret(account.id, name),
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
        } else if (event.type === 'notice') {
          emitNotice(this.#o.events, account.id, event.notice)
        } else {
          this.#o.events.emit('sync-status', statusView(account.id, event.status, api.client.budget.pausedUntil))
          if (event.status.state === 'key-rejected') this.#keyRejected(account.id)
          if (waiting && event.status.state === 'idle' && event.status.firstSyncDone) {
            void this.#requeue(account.id, session, folder, waiting)
            waiting = null
          }
        }
      },
      onOutboxEvent: (event) => this.#outboxEvent(account.id, event),
      ...(this.#o.onError ? { onError: this.#o.onError } : {}),
    })
    // Learn which channels are connected now, so the first re-read can tell of a drop.
    this.channels.check(account.id, session.store.db)
    return session
  }

  /** The fresh copy's first sync is done: the actions kept by a rebuild make their change again and go. */
  async #requeue(accountId: string, session: AccountSession, folder: string, ids: readonly number[]): Promise<void> {
    try {
      await requeueAfterFirstSync(session, folder, ids, (this.#o.now ?? Date.now)())
      this.#o.events.emit('outbox-changed', { accountId, counts: outboxCounts(session.outbox.counts()) })
      this.#o.events.emit('data-changed', { accountId, resources: ['conversations', 'messages', 'contacts', 'media', 'campaigns'], contactIds: [] })
    } catch (error) {
      this.#o.onError?.(error)
    }
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

  /** Every account's sync thread speaks the language the core was just told. */
  setLanguage(choice: { language: Language; digits: Digits }): void {
    for (const session of this.#open.values()) session.sync.setLanguage(choice)
  }

  setTimings(timings: Partial<SyncTimings>): void {
    for (const session of this.#open.values()) session.sync.setTimings(timings)
  }

  /** Woke from sleep, or the network is back: every account catches up. */
  resumeAll(): void {
    for (const session of this.#open.values()) session.resume()
  }

  #lastUnread = -1

  /** A conversation was marked read in the app: the dock/taskbar badge follows. */
  unreadChanged(): void {
    this.#emitUnread()
  }

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

export function summary(account: AccountRecord, keyMissing: boolean, unavailable?: StoreError): AccountSummary {
  return {
    id: account.id,
    serverId: account.serverId,
    name: account.name,
    baseUrl: account.baseUrl,
    keyStorage: account.keyStorage,
    keyRejected: account.keyRejectedAt !== null,
    keyMissing,
    isDemo: account.keyStorage === 'demo',
    localData: unavailable ? (unavailable.code === 'corrupt' ? 'damaged' : 'unavailable') : 'ok',
    localDataMessage: unavailable?.message ?? null,
  }
}
