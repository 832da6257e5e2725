// Everything a journey runs against, started fresh and torn down completely: a SkyLight
// sandbox the test controls (offline, request log, campaign steps), the core in Node on a
// temp data folder, the browser test host, and Debian's Chromium driven by playwright-core.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { openCore, type Core } from '../../../src/main/core'
import { SessionSecretStore } from '../../../src/main/core/secrets/secret-store'
import { startSandbox, type Sandbox } from '../../../src/sandbox'
import type { RequestLogEntry } from '../../../src/sandbox/http/request-log'
import type { EventName, EventPayload } from '../../../src/shared/contract'
import { startDeskHost, type DeskHost } from '../host/desk-host'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * The journeys need a Chromium. CI installs Debian's and must run them; elsewhere, without
 * one, they are skipped with a plain word saying how to enable them.
 */
export const chromiumAvailable = existsSync(CHROMIUM)
if (!chromiumAvailable) {
  const how = `no Chromium at ${CHROMIUM} (install it — Debian/Ubuntu: apt-get install chromium — or set CHROMIUM_PATH to a Chrome or Chromium binary)`
  if (process.env.CI) throw new Error(`Browser journeys cannot run: ${how}`)
  console.log(`SKIPPED: browser journeys — ${how}`)
}
const require = createRequire(import.meta.url)

export interface Environment {
  sandbox: Sandbox
  core: Core
  host: DeskHost
  context: BrowserContext
  page: Page
  /** Every core event so far, for waiting on sync and the outbox. */
  events: { event: EventName; payload: unknown }[]
  /** Console errors of the page (CSP violations among them). */
  pageErrors: string[]
  /** The core's data folder (accounts' store files), for checks of what reached disk. */
  dataDir: string
  close(): Promise<void>
}

/**
 * The renderer as the app ships it (about a second to build), built once per test run: the
 * journey files run in parallel workers (children of one vitest process), and a second build
 * would empty out/ under a page that is loading a view's chunk. The first worker builds; the
 * others wait for its stamp. (A watch session builds once: restart it after changing the
 * interface.)
 */
export function buildRenderer(): void {
  const lock = join(tmpdir(), `skylight-desk-e2e-build-${process.ppid}`)
  const done = join(lock, 'done')
  try {
    mkdirSync(lock)
  } catch {
    while (!existsSync(done)) {
      if (existsSync(join(lock, 'failed'))) throw new Error('The renderer build failed in another test file; see its error.')
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100)
    }
    return
  }
  try {
    execFileSync(resolve('node_modules/.bin/electron-vite'), ['build'], { stdio: 'pipe' })
    writeFileSync(done, '')
  } catch (error) {
    writeFileSync(join(lock, 'failed'), '')
    throw error
  }
}

export async function startEnvironment(): Promise<Environment> {
  const cleanups: (() => Promise<unknown>)[] = []
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined)
  }
  try {
    const sandbox = await startSandbox({ port: 0, seed: 11, accounts: 1, autoAdvance: false, rateLimit: { limit: 100_000, windowMs: 60_000 } })
    cleanups.push(() => sandbox.close())
    const dataDir = await mkdtemp(join(tmpdir(), 'skylight-e2e-'))
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
    const core = await openCore({
      dataDir,
      appVersion: 'e2e',
      keychain: new SessionSecretStore(),
      rateLimit: { limit: 100_000, windowMs: 60_000 },
      client: { maxAttempts: 2, retryBaseMs: 20, timeoutMs: 5_000 },
    })
    cleanups.push(() => core.close())
    const events: Environment['events'] = []
    core.on((event, payload) => events.push({ event, payload }))
    const host = await startDeskHost(core, { extraScripts: { '/axe.js': require.resolve('axe-core/axe.min.js') } })
    cleanups.push(() => host.close())
    const profile = await mkdtemp(join(tmpdir(), 'skylight-e2e-chromium-'))
    cleanups.push(() => rm(profile, { recursive: true, force: true }))
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 800 },
      // English unless a journey picks a language: the test machine's own locale must not matter.
      locale: 'en-US',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    })
    cleanups.push(() => context.close())
    const page = context.pages()[0] ?? (await context.newPage())
    const pageErrors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text())
    })
    page.on('pageerror', (error) => pageErrors.push(error.message))
    return { sandbox, core, host, context, page, events, pageErrors, dataDir, close }
  } catch (error) {
    await close()
    throw error
  }
}

export async function untilEvent<E extends EventName>(
  env: Pick<Environment, 'events'>,
  event: E,
  test: (payload: EventPayload<E>) => boolean,
  ms = 60_000,
): Promise<EventPayload<E>> {
  const started = Date.now()
  for (;;) {
    const hit = env.events.find((e) => e.event === event && test(e.payload as EventPayload<E>))
    if (hit) return hit.payload as EventPayload<E>
    if (Date.now() - started > ms) throw new Error(`no ${event} event in ${ms} ms`)
    await new Promise((r) => setTimeout(r, 25))
  }
}

/**
 * What most journeys start from: the built interface open in Chromium, the sandbox's first
 * account added by key (the read journeys cover the form) and its first sync done.
 */
export async function startWithAccount(): Promise<{ env: Environment; accountId: string }> {
  buildRenderer()
  const env = await startEnvironment()
  await env.page.goto(env.host.url)
  const added = await env.core.dispatch('account-add', { apiKey: env.sandbox.accounts[0]!.apiKey, baseUrl: env.sandbox.url })
  if (!added.ok) throw new Error(added.error.message)
  const accountId = (added.value as { id: string }).id
  await untilEvent(env, 'sync-status', (s) => s.accountId === accountId && s.firstSyncDone, 60_000)
  // The page learns of the account by an event of its own; until it shows the frame, view
  // shortcuts (Ctrl+1…) are ignored as they are on the first-run screen.
  await env.page.locator('#content').waitFor({ timeout: 60_000 })
  return { env, accountId }
}

export interface Journey {
  env: Environment
  page: Page
  accountId: string
}

/**
 * A journey file's environment: started with one synced account before the file's tests and
 * closed after them; `ready` is handed it. Without a Chromium nothing starts (the tests are
 * skipped, see chromiumAvailable).
 */
export function journeyWithAccount(ready: (journey: Journey) => void): void {
  let env: Environment | undefined
  beforeAll(async () => {
    if (!chromiumAvailable) return
    const started = await startWithAccount()
    env = started.env
    ready({ env, page: env.page, accountId: started.accountId })
  }, 180_000)
  afterAll(async () => env?.close())
}

/** What the sandbox carried out (its request log's acting requests) that `test` picks. */
export function actedRequests(env: Environment, test: (e: RequestLogEntry) => boolean): RequestLogEntry[] {
  return env.sandbox.control.requestLog().filter((e) => e.acted && test(e))
}
