// The core's one entry point: everything the app does, opened for a data folder with a
// keychain and a clock. Used alike by the Electron main process, the tests and the browser
// test host; no globals, nothing happens at import time, and close() releases all it holds.
import type { EventPayload, Handlers } from '../../shared/contract'
import { AccountManager, AccountNotFoundError } from './accounts/account-manager'
import { AccountSessions, summary } from './account-sessions'
import { createDispatcher, type Dispatch } from './contract/dispatch'
import { redactHeldSecretsWith } from './outbox/held-secrets'
import { CoreEvents, type CoreListener } from './core-events'
import { DemoServer } from './demo-server'
import type { SecretRedactor } from './log'
import { accountAreaHandlers } from './handlers/account-area'
import { accountHandlers } from './handlers/accounts'
import { appHandlers } from './handlers/app'
import { aiAgentHandlers } from './handlers/ai-agents'
import { ProcessingWatch } from './knowledge/processing-watch'
import { campaignHandlers } from './handlers/campaigns'
import { ticketHandlers } from './handlers/tickets'
import { bookingHandlers } from './handlers/bookings'
import { webChatHandlers } from './handlers/web-chat'
import { knowledgeBaseHandlers } from './handlers/knowledge-base'
import { voiceHandlers } from './handlers/voice'
import { contactHandlers } from './handlers/contacts'
import type { HandlerContext } from './handlers/context'
import { inboxHandlers } from './handlers/inbox'
import { mediaHandlers } from './handlers/media'
import { outboxHandlers } from './handlers/outbox'
import { syncHandlers } from './handlers/sync'
import { SessionSecretStore, type SecretStore } from './secrets/secret-store'
import type { SkyLightClientOptions } from './skylight/client'
import { RateBudgets, type RateLimitSettings } from './skylight/rate-budgets'
import { setAsideDamagedRegistry } from './accounts/registry'
import { setSystemLocale, useLanguage } from './language'
import { loadSettings, saveSettings } from './settings'
import type { SyncTimings } from './sync/account-sync'

export interface CoreOptions {
  /** Where the app keeps its files: accounts.json, settings.json, accounts/<id>/. */
  dataDir: string
  /** Shown in the about line. */
  appVersion: string
  /** The OS keychain in the app (KeychainSecretStore); tests may pass another store. */
  keychain: SecretStore
  now?: () => number
  /** SkyLight's limit per key; tests shorten the window. */
  rateLimit?: RateLimitSettings
  /** Client settings (tests shorten retries and timeouts). */
  client?: Partial<Omit<SkyLightClientOptions, 'baseUrl' | 'apiKey' | 'budget'>>
  /** Sync timings beyond the user's interval setting (tests). */
  syncTimings?: Partial<SyncTimings>
  /** Errors the core did not expect, for the log. */
  onInternalError?: (error: unknown) => void
  /** The log's redactor: told of every API key the core comes to hold (added, read, demo). */
  redactor?: SecretRedactor
  /** Where the shell serves dataDir/media-cache itself: the URL of a file there. */
  mediaUrl?: (relativePath: string) => string
  /**
   * The module each account's sync thread runs: the app passes its built bundle's
   * (out/main/sync-thread.js); left out, the source is run through tsx (tests, scripts).
   */
  syncThreadEntry?: URL
  /** The operating system's locale (the shell's app.getLocale()), for the 'system' language; left out: English. */
  systemLocale?: string
}

export interface Core {
  dispatch: Dispatch
  handlers: Handlers
  on(listener: CoreListener): () => void
  /** The machine woke up or the network came back. */
  resume(): void
  close(): Promise<void>
}

export async function openCore(options: CoreOptions): Promise<Core> {
  const { dataDir } = options
  const events = new CoreEvents()
  const now = options.now ?? Date.now
  // Damaged small files are set aside with a message for the user, never fatal.
  setSystemLocale(options.systemLocale)
  const loaded = await loadSettings(dataDir, now())
  let settings = loaded.settings
  useLanguage(settings)
  const notices = [loaded.notice, await setAsideDamagedRegistry(dataDir, now())].filter((n): n is string => n !== null)
  const budgets = new RateBudgets(options.rateLimit)
  const demoKeys = new SessionSecretStore()
  const accounts = await AccountManager.open({
    dataDir,
    keychain: options.keychain,
    session: new SessionSecretStore(),
    demo: demoKeys,
    budgets,
    ...(options.client ? { client: options.client } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.redactor ? { redactor: options.redactor } : {}),
  })
  redactHeldSecretsWith(options.redactor)
  const demo = new DemoServer({ onKey: (key) => options.redactor?.addSecret(key) })
  const accountList = () => ({
    accounts: accounts.list().map((a) => summary(a, sessions.isKeyMissing(a.id), sessions.unavailable(a.id))),
    activeId: accounts.activeId,
  })
  const sessions = new AccountSessions({
    accounts,
    events,
    timings: () => ({ pollMs: settings.syncIntervalSeconds * 1000, ...options.syncTimings }),
    ...(options.now ? { now: options.now } : {}),
    ...(options.syncThreadEntry ? { syncThreadEntry: options.syncThreadEntry } : {}),
    onKeyRejected: (accountId) => {
      void accounts.markKeyRejected(accountId).then(() => events.emit('accounts-changed', accountList()), options.onInternalError)
    },
    ...(options.onInternalError ? { onError: options.onInternalError } : {}),
  })

  // A demo account's server lives in this process: start it again, on the port it had.
  for (const account of accounts.list().filter((a) => a.keyStorage === 'demo')) {
    try {
      const { url, apiKey } = await demo.start(Number(new URL(account.baseUrl).port) || 0)
      await demoKeys.set(account.id, apiKey)
      if (new URL(url).href !== account.baseUrl) await accounts.moveTo(account.id, url)
    } catch (error) {
      options.onInternalError?.(error)
    }
  }
  // A knowledge-base entry that settles (crawl finished or failed) is announced once.
  const processing = new ProcessingWatch((settled) => events.emit('kb-processed', settled))
  events.on((event, payload) => {
    if (event !== 'data-changed') return
    const { accountId, resources } = payload as EventPayload<'data-changed'>
    const session = resources.includes('knowledge-base') ? sessions.get(accountId) : undefined
    if (session) processing.check(accountId, session.store.db)
  })
  await sessions.openAll()

  const context: HandlerContext = {
    dataDir,
    appVersion: options.appVersion,
    ...(options.mediaUrl ? { mediaUrl: options.mediaUrl } : {}),
    ...(options.redactor ? { redactor: options.redactor } : {}),
    accounts,
    sessions,
    events,
    demo,
    settings: () => ({ ...settings }),
    saveSettings: async (next) => {
      await saveSettings(dataDir, next)
      settings = next
      useLanguage(settings)
      events.emit('settings-changed', { ...next })
    },
    accountList,
    summary: (id) => summary(accounts.get(id), sessions.isKeyMissing(id), sessions.unavailable(id)),
    notices: () => [...notices],
    session: (accountId) => {
      const id = accountId ?? accounts.activeId
      const session = id ? sessions.get(id) : undefined
      // A copy that cannot be opened says so (damaged, in use, disk full); only then is it the key.
      if (!session) throw id ? (sessions.unavailable(id) ?? new KeyNeededError()) : new AccountNotFoundError()
      return session
    },
  }
  const handlers: Handlers = {
    ...appHandlers(context),
    ...accountHandlers(context),
    ...syncHandlers(context),
    ...inboxHandlers(context),
    ...outboxHandlers(context),
    ...contactHandlers(context),
    ...mediaHandlers(context),
    ...campaignHandlers(context),
    ...accountAreaHandlers(context),
    ...ticketHandlers(context),
    ...bookingHandlers(context),
    ...webChatHandlers(context),
    ...aiAgentHandlers(context),
    ...knowledgeBaseHandlers(context),
    ...voiceHandlers(context),
  }
  return {
    handlers,
    dispatch: createDispatcher(handlers, options.onInternalError),
    on: (listener) => events.on(listener),
    resume: () => sessions.resumeAll(),
    close: async () => {
      await sessions.closeAll()
      await demo.stop()
      budgets.dispose()
    },
  }
}

/** The account exists but cannot be reached without its key (a session-only key after restart). */
class KeyNeededError extends Error {
  readonly type = 'unauthorized'
  constructor() {
    super('SkyLight Desk needs this account’s API key again. Enter it in Settings → Accounts.')
  }
}
