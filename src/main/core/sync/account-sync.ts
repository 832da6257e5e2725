// Keeps one account's local copy current: the first sync, then a poll every interval, a
// refresh of the small collections less often and a full pass with deletions rarer still.
// The poll keeps its interval whatever else runs: during a first sync, a refresh or a full
// pass it runs beside it, its requests ahead of the longer run's in the rate budget.
// While the server cannot be reached it probes with growing pauses and catches up at once
// when it answers; a wake from sleep (or a timer that fired far too late) catches up too.
// One run at a time; a 401 stops it until the key is replaced.
import type { Priority, SkyLightApi } from '../skylight'
import { CancelledError, NetworkError, SkyLightError, UnauthorizedError } from '../skylight'
import { getSyncState, saveSyncState, type StoreDb } from '../store'
import type { SyncContext, SyncNotice, SyncResource } from './context'
import { canPollBeside, firstSyncDone, lastFullPassAt, pollBeside, runSync, type SyncKind } from './plans'
import { syncOpenedContact } from './steps/opened-contact'

/** offline: SkyLight cannot be reached; server-error: it answers, but with errors (5xx, 429, garbage). */
export type SyncState = 'idle' | 'syncing' | 'offline' | 'server-error' | 'key-rejected' | 'error' | 'stopped'

export interface SyncStatus {
  state: SyncState
  kind: SyncKind | null
  firstSyncDone: boolean
  lastSyncedAt: string | null
  /** Per resource, this run: items done of total (null when unknown). */
  progress: Partial<Record<SyncResource, { done: number; total: number | null }>>
  /** A message for the user when state is offline, error or key-rejected. */
  message: string | null
}

export type SyncEvent =
  | { type: 'status'; status: SyncStatus }
  | { type: 'changed'; resources: SyncResource[]; contactIds: number[] }
  | { type: 'inbound'; contactId: number; preview: string }
  | { type: 'notice'; notice: SyncNotice }

export interface SyncTimings {
  pollMs: number
  refreshMs: number
  fullPassMs: number
  /** Longest pause between probes while offline. */
  maxProbeMs: number
}

export const DEFAULT_TIMINGS: SyncTimings = {
  pollMs: 30_000,
  refreshMs: 5 * 60_000,
  fullPassMs: 6 * 60 * 60_000,
  maxProbeMs: 60_000,
}

/** The status of an account's sync before it runs: what the store says was done. */
export function storedStatus(db: StoreDb): SyncStatus {
  return {
    state: 'idle',
    kind: null,
    firstSyncDone: firstSyncDone({ db }),
    lastSyncedAt: getSyncState(db, 'last-sync')?.lastSyncedAt ?? null,
    progress: {},
    message: null,
  }
}

// An opened contact, once read, is not read again for this long: the open contact is read
// again after every change to it, and each of those must not cost a request.
const CONTACT_FRESH_MS = 60_000
// Progress moves with every page; the views need a few updates a second, not one a page.
const PROGRESS_EVERY_MS = 250

export interface AccountSyncOptions {
  api: SkyLightApi
  db: StoreDb
  onEvent: (event: SyncEvent) => void
  timings?: Partial<SyncTimings>
  now?: () => number
}

const RANK: Record<SyncKind, number> = { poll: 0, refresh: 1, full: 2, first: 3 }

export class AccountSync {
  readonly #o: AccountSyncOptions
  #timings: SyncTimings
  #status: SyncStatus
  #running: Promise<void> | undefined
  #followUp: Promise<void> | undefined
  #runningKind: SyncKind | undefined
  /** A poll running beside a longer run. */
  #polling: Promise<void> | undefined
  #controller = new AbortController()
  #timer: NodeJS.Timeout | undefined
  #timerDueAt = 0
  #failures = 0
  #lastRefreshAt = 0
  #lastFullAt = 0
  #progressTimer: NodeJS.Timeout | undefined
  readonly #contactReadAt = new Map<number, number>()
  #lastStatusAt = 0

  constructor(options: AccountSyncOptions) {
    this.#o = options
    this.#timings = { ...DEFAULT_TIMINGS, ...options.timings }
    this.#lastFullAt = lastFullPassAt(options.db)
    this.#status = storedStatus(options.db)
  }

  get status(): SyncStatus {
    return structuredClone(this.#status)
  }

  /** Starts syncing: the first sync if it has not completed, then the schedule. */
  start(): void {
    if (this.#status.state === 'stopped') return
    void this.syncNow(this.#status.firstSyncDone ? 'refresh' : 'first')
  }

  setTimings(timings: Partial<SyncTimings>): void {
    this.#timings = { ...this.#timings, ...timings }
    // A poll re-arms the timer when it ends; any other run polls beside itself meanwhile.
    if (this.#runningKind !== 'poll') this.#schedule()
  }

  /**
   * Runs a sync now (or joins the one running). Never rejects; the outcome is in `status`.
   * The poll's timer does not wait for a longer run: it polls beside it.
   */
  syncNow(kind: SyncKind = 'poll'): Promise<void> {
    if (this.#running) {
      // A bigger run asked for while a smaller one runs (the user's "Sync now" during a poll)
      // follows it, rather than being answered by the poll.
      if (RANK[kind] <= RANK[this.#runningKind ?? 'poll']) return this.#running
      this.#followUp ??= this.#running.then(() => {
        this.#followUp = undefined
        return this.syncNow(kind)
      })
      return this.#followUp
    }
    if (this.#status.state === 'stopped' || this.#status.state === 'key-rejected') return Promise.resolve()
    const effective: SyncKind = !this.#status.firstSyncDone ? 'first' : this.#due(kind)
    if (effective === 'poll' && this.#polling) return this.#polling
    clearTimeout(this.#timer)
    this.#runningKind = effective
    this.#running = this.#run(effective).finally(() => {
      this.#running = undefined
      this.#runningKind = undefined
      this.#schedule()
    })
    // The poll's timer keeps running through a longer run.
    if (effective !== 'poll') this.#schedule()
    return this.#running
  }

  /** The machine woke up or the network came back: catch up at once. */
  resume(): void {
    this.#failures = 0
    void this.syncNow('refresh')
  }

  /** Stops timers and the current run; resolves once nothing is in flight. */
  async stop(): Promise<void> {
    this.#setStatus({ state: 'stopped' })
    clearTimeout(this.#timer)
    this.#controller.abort()
    await Promise.all([this.#running?.catch(() => {}), this.#polling?.catch(() => {})])
  }

  /** Picks the bigger kind when a bigger one is due anyway. */
  #due(kind: SyncKind): SyncKind {
    const now = this.#now()
    if (kind === 'first' || kind === 'full') return kind
    if (now - this.#lastFullAt >= this.#timings.fullPassMs) return 'full'
    if (kind === 'refresh' || now - this.#lastRefreshAt >= this.#timings.refreshMs) return 'refresh'
    return 'poll'
  }

  async #run(kind: SyncKind): Promise<void> {
    const changed = { resources: new Set<SyncResource>(), contactIds: new Set<number>() }
    // A first sync or a full pass brings the whole history: nothing in it is news.
    const ctx = this.#context(changed, {
      announce: kind === 'poll' || kind === 'refresh',
      priority: kind === 'poll' ? 'sync' : 'background',
      progress: true,
    })
    this.#setStatus({ state: 'syncing', kind, progress: {}, message: null })
    try {
      await runSync(ctx, kind)
      const at = new Date(this.#now()).toISOString()
      this.#failures = 0
      if (kind !== 'poll') this.#lastRefreshAt = this.#now()
      if (kind === 'full' || kind === 'first') this.#lastFullAt = this.#now()
      this.#markSynced(at)
      this.#setStatus({ state: 'idle', kind: null, firstSyncDone: true, lastSyncedAt: at, message: null })
    } catch (error) {
      this.#fail(error)
    } finally {
      this.#flushChanged(changed)
    }
  }

  /**
   * A poll beside the longer run in progress (or the one already beside it). Its status is
   * the longer run's: a failure here, but for a rejected key, is that run's to report.
   */
  #pollBeside(): Promise<void> {
    if (this.#polling) return this.#polling
    clearTimeout(this.#timer)
    const changed = { resources: new Set<SyncResource>(), contactIds: new Set<number>() }
    // Beside a first sync, a conversation's first read brings its whole history: not news.
    const ctx = this.#context(changed, { announce: this.#status.firstSyncDone, priority: 'sync', progress: false })
    this.#polling = pollBeside(ctx)
      .catch((error: unknown) => {
        if (error instanceof UnauthorizedError) this.#fail(error)
      })
      .finally(() => {
        this.#flushChanged(changed)
        this.#polling = undefined
        this.#schedule()
      })
    return this.#polling
  }

  /**
   * Reads a contact's record and notes now (the user opened the contact). Offline or
   * refused, the stored contact simply stays; nothing is thrown at the view.
   */
  async fetchContact(contactId: number): Promise<void> {
    if (this.#status.state === 'stopped' || this.#status.state === 'key-rejected') return
    // A contact created offline is not on the server yet.
    if (contactId < 0) return
    const readAt = this.#contactReadAt.get(contactId)
    if (readAt !== undefined && this.#now() - readAt < CONTACT_FRESH_MS) return
    const changed = { resources: new Set<SyncResource>(), contactIds: new Set<number>() }
    try {
      await syncOpenedContact(this.#context(changed, { announce: false, priority: 'user', progress: false }), contactId)
      this.#contactReadAt.set(contactId, this.#now())
    } catch (error) {
      if (error instanceof UnauthorizedError) this.#fail(error)
    } finally {
      this.#flushChanged(changed)
    }
  }

  #context(
    changed: { resources: Set<SyncResource>; contactIds: Set<number> },
    { announce, priority, progress }: { announce: boolean; priority: Priority; progress: boolean },
  ): SyncContext {
    // Decided when the run starts: a first sync's history is never news, even once it is done.
    const notices = this.#status.firstSyncDone && this.#runningKind !== 'first'
    return {
      api: this.#o.api,
      db: this.#o.db,
      signal: this.#controller.signal,
      priority,
      now: () => this.#now(),
      progress: (resource, done, total) => {
        // A poll beside a longer run leaves the progress the views show to that run.
        if (!progress) return
        this.#status.progress[resource] = { done, total }
        this.#emitProgress()
      },
      changed: (resource, contactId) => {
        changed.resources.add(resource)
        if (contactId !== undefined) changed.contactIds.add(contactId)
        // Tell the views page by page, so a long first sync fills them progressively.
        queueMicrotask(() => this.#flushChanged(changed))
      },
      inbound: (contactId, preview) => {
        if (announce) this.#o.onEvent({ type: 'inbound', contactId, preview })
      },
      // Compared with what the store held, so any run after the first sync tells real news
      // (a full pass too: what it finds changed is not seen again by the next refresh).
      notice: (notice) => {
        if (notices) this.#o.onEvent({ type: 'notice', notice })
      },
    }
  }

  #fail(error: unknown): void {
    if (error instanceof CancelledError || this.#controller.signal.aborted) return
    if (error instanceof UnauthorizedError) {
      this.#setStatus({ state: 'key-rejected', kind: null, message: error.message })
      return
    }
    this.#failures++
    if (error instanceof SkyLightError && error.transient) {
      // Reached or not is what the user needs to know: "offline" is for a network that is
      // down, not for a SkyLight answering 500s.
      this.#setStatus({ state: error instanceof NetworkError ? 'offline' : 'server-error', kind: null, message: error.message })
    } else {
      const message = error instanceof Error ? error.message : String(error)
      this.#setStatus({ state: 'error', kind: null, message: `Sync stopped: ${message}` })
    }
  }

  #schedule(): void {
    clearTimeout(this.#timer)
    const state = this.#status.state
    if (state === 'stopped' || state === 'key-rejected') return
    // Probing while offline is for when nothing runs; a run in progress is its own probe.
    const delay =
      this.#failures > 0 && !this.#running
        ? Math.min(this.#timings.maxProbeMs, 2_000 * 2 ** (this.#failures - 1))
        : this.#timings.pollMs
    this.#timerDueAt = this.#now() + delay
    this.#timer = setTimeout(() => this.#timerFired(), delay)
  }

  #timerFired(): void {
    if (this.#running) {
      // A first sync that has not listed the conversations yet is itself reading what is new.
      if (this.#runningKind !== 'poll' && canPollBeside(this.#o.db)) void this.#pollBeside()
      else this.#schedule()
      return
    }
    // A timer that fires far too late means the machine slept, and a probe while offline
    // that gets through means the network is back: either way, catch up fully.
    const late = this.#now() - this.#timerDueAt > 30_000
    void this.syncNow(late || this.#failures > 0 ? 'refresh' : 'poll')
  }

  #markSynced(at: string): void {
    // Kept in the store so "last synced" survives a restart.
    saveSyncState(this.#o.db, 'last-sync', { lastSyncedAt: at })
  }

  #flushChanged(changed: { resources: Set<SyncResource>; contactIds: Set<number> }): void {
    if (changed.resources.size === 0) return
    const event: SyncEvent = { type: 'changed', resources: [...changed.resources], contactIds: [...changed.contactIds] }
    changed.resources.clear()
    changed.contactIds.clear()
    this.#o.onEvent(event)
  }

  #setStatus(patch: Partial<SyncStatus>): void {
    this.#status = { ...this.#status, ...patch }
    this.#emitStatus()
  }

  #emitProgress(): void {
    if (this.#progressTimer || this.#status.state === 'stopped') return
    // Real time, not the injected clock: this paces events, it is not part of the schedule.
    const wait = this.#lastStatusAt + PROGRESS_EVERY_MS - performance.now()
    if (wait <= 0) this.#emitStatus()
    else this.#progressTimer = setTimeout(() => this.#emitStatus(), wait)
  }

  #emitStatus(): void {
    clearTimeout(this.#progressTimer)
    this.#progressTimer = undefined
    this.#lastStatusAt = performance.now()
    this.#o.onEvent({ type: 'status', status: this.status })
  }

  #now(): number {
    return (this.#o.now ?? Date.now)()
  }
}
