// An account's sync engine, run on a thread of its own (thread.ts). A first sync fetches,
// validates and writes thousands of pages; on the core's thread its SQLite commits, FTS
// merges and the garbage of 100k parsed records held the event loop 20–30 ms at a time, and
// the interface waited. Here the core's thread only relays: commands in, events out, and
// the thread's requests for slots of the account's shared rate budget.
import { Worker } from 'node:worker_threads'
import type { SkyLightApi } from '../../skylight'
import type { StoreDb } from '../../store'
import { storedStatus, type SyncEvent, type SyncStatus, type SyncTimings } from '../account-sync'
import type { SyncKind } from '../plans'
import { BudgetServer } from './budget-server'
import type { FromThread, SyncThreadData, ToThread } from './protocol'
import { currentLanguage } from '../../language'
import type { Digits, Language } from '../../../../shared/i18n/locale'

export interface SyncThreadOptions {
  /** The account's database file, opened (and migrated) by `db`'s connection first. */
  path: string
  /** The core's connection to the same file: the status shown before the thread reports. */
  db: StoreDb
  /** The account's client: the thread makes one like it, asking this one's budget for slots. */
  api: SkyLightApi
  timings?: Partial<SyncTimings>
  onEvent: (event: SyncEvent) => void
  /**
   * The thread's module. The app passes its built bundle (out/main/sync-thread.js); run
   * from source (tests, scripts), it is thread.ts, loaded through tsx.
   */
  entry?: URL
}

interface Running {
  worker: Worker
  budget: BudgetServer
  /** Requests the thread has not finished, by id. */
  waiting: Map<number, () => void>
  /** Settles once the thread has opened the store (or has ended). */
  ready: Promise<void>
  markReady(): void
}

const sourceEntry = new URL('./thread.ts', import.meta.url)
const RESTART_FIRST_MS = 5_000
const RESTART_MAX_MS = 5 * 60_000

export class SyncThread {
  readonly #o: SyncThreadOptions
  #status: SyncStatus
  #timings: Partial<SyncTimings>
  #running: Running | undefined
  #nextId = 1
  #stopped = false
  /** Thread ends nobody asked for since the last run that went through. */
  #crashes = 0
  #restart: NodeJS.Timeout | undefined

  constructor(options: SyncThreadOptions) {
    this.#o = options
    this.#timings = { ...options.timings }
    this.#status = storedStatus(options.db)
  }

  /** The last status the thread reported. */
  get status(): SyncStatus {
    return structuredClone(this.#status)
  }

  /** Starts the thread if it is not running; resolves once it takes commands (or ended). */
  ready(): Promise<void> {
    if (this.#stopped) return Promise.resolve()
    return this.#thread().ready
  }

  /** Starts syncing: the first sync if it has not completed, then the schedule. */
  start(): void {
    this.#send({ type: 'start' })
  }

  /** Runs a sync now (or joins the one running); resolves when it is over. Never rejects. */
  syncNow(kind: SyncKind = 'poll'): Promise<void> {
    clearTimeout(this.#restart)
    return this.#request((id) => ({ type: 'sync', id, kind }))
  }

  /** Reads a contact's record and notes now (the user opened the contact). Never rejects. */
  fetchContact(contactId: number): Promise<void> {
    return this.#request((id) => ({ type: 'contact', id, contactId }))
  }

  /** The machine woke up or the network came back: catch up at once. */
  resume(): void {
    this.#send({ type: 'resume' })
  }

  setTimings(timings: Partial<SyncTimings>): void {
    this.#timings = { ...this.#timings, ...timings }
    // A thread started later gets them with its start.
    if (this.#running) this.#send({ type: 'timings', timings })
  }

  /** The user chose another language: the thread words its messages in it from now on. */
  setLanguage(choice: { language: Language; digits: Digits }): void {
    if (this.#running) this.#send({ type: 'language', ...choice })
  }

  /** Stops the thread's run and timers, closes its connection and ends it. */
  async stop(): Promise<void> {
    const already = this.#stopped
    this.#stopped = true
    clearTimeout(this.#restart)
    const running = this.#running
    if (!running) {
      if (!already) this.#report({ ...this.#status, state: 'stopped' })
      return
    }
    const exited = new Promise<void>((resolve) => running.worker.once('exit', () => resolve()))
    running.worker.postMessage({ type: 'stop' } satisfies ToThread)
    // A thread stuck in a write to a disk that stopped answering must not hold up quitting.
    const timer = setTimeout(() => void running.worker.terminate(), 10_000)
    await exited
    clearTimeout(timer)
  }

  #request(message: (id: number) => ToThread & { id: number }): Promise<void> {
    if (this.#stopped) return Promise.resolve()
    const running = this.#thread()
    const id = this.#nextId++
    return new Promise<void>((resolve) => {
      running.waiting.set(id, resolve)
      running.worker.postMessage(message(id))
    })
  }

  #send(message: ToThread): void {
    if (this.#stopped) return
    this.#thread().worker.postMessage(message)
  }

  /** The running thread, started if there is none (first use, or after it died). */
  #thread(): Running {
    if (this.#running) return this.#running
    const entry = this.#o.entry ?? sourceEntry
    const data: SyncThreadData = {
      path: this.#o.path,
      client: this.#o.api.client.portableOptions(),
      limit: this.#o.api.client.budget.limit,
      windowMs: this.#o.api.client.budget.windowMs,
      timings: this.#timings,
      language: currentLanguage(),
    }
    const worker = new Worker(entry, { workerData: data, execArgv: entry.pathname.endsWith('.ts') ? ['--import', 'tsx'] : [] })
    let markReady = (): void => {}
    const running: Running = {
      worker,
      budget: new BudgetServer(this.#o.api.client.budget, (reply) => worker.postMessage(reply)),
      waiting: new Map(),
      ready: new Promise<void>((resolve) => (markReady = resolve)),
      markReady: () => markReady(),
    }
    worker.on('message', (message: FromThread) => this.#receive(running, message))
    worker.on('error', (error) => this.#ended(running, error))
    worker.on('exit', () => this.#ended(running, undefined))
    this.#running = running
    return running
  }

  #receive(running: Running, message: FromThread): void {
    switch (message.type) {
      case 'ready':
        running.markReady()
        return
      case 'event':
        if (message.event.type === 'status') {
          this.#status = message.event.status
          if (this.#status.state === 'idle' && this.#status.lastSyncedAt) this.#crashes = 0
        }
        this.#o.onEvent(message.event)
        return
      case 'done':
        running.waiting.get(message.id)?.()
        running.waiting.delete(message.id)
        return
      default:
        running.budget.handle(message)
    }
  }

  /** The thread ended, asked to or not: what waited on it is over, its slots go back. */
  #ended(running: Running, error: Error | undefined): void {
    if (this.#running !== running) return
    this.#running = undefined
    running.budget.close()
    running.markReady()
    for (const resolve of running.waiting.values()) resolve()
    running.waiting.clear()
    if (this.#stopped) {
      if (this.#status.state !== 'stopped') this.#report({ ...this.#status, state: 'stopped' })
      return
    }
    // A new thread takes over after a pause that grows while they keep ending.
    const delay = Math.min(RESTART_MAX_MS, RESTART_FIRST_MS * 2 ** this.#crashes++)
    this.#restart = setTimeout(() => this.start(), delay)
    this.#restart.unref()
    // The thread's errors are sentences already (a StoreError's, say).
    const reason = error ? `: ${error.message.replace(/\.$/, '')}` : ''
    this.#report({
      ...this.#status,
      state: 'error',
      kind: null,
      message: `Sync stopped unexpectedly${reason}. It starts again in ${Math.round(delay / 1000)} s.`,
    })
  }

  #report(status: SyncStatus): void {
    this.#status = status
    this.#o.onEvent({ type: 'status', status: this.status })
  }
}
