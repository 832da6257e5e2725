// At the real rate limit (120 requests a minute), how long a customer's new message takes
// to reach the local store (sandbox inject → row present) in each state the sync can be
// in: during a first sync, during a full pass, right after a restart, during a refresh; and
// how soon after adding an account its first conversation page and newest threads are stored.
// Also the first sync's and the full pass's time against the rate-limit floor at the real
// window, which bench:sync (a 1 s window) cannot show. The account is small enough (~240
// requests) that this runs in about five minutes. Sync runs as in the app: on its own
// thread (the built bundle, as the app's), with the default poll interval. Run: npm run bench:latency
import { execFileSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startSandbox } from '../src/sandbox'
import { createSkyLightApi, RateBudget } from '../src/main/core/skylight'
import { openStore, type Store } from '../src/main/core/store'
import { DEFAULT_TIMINGS } from '../src/main/core/sync/account-sync'
import { SyncThread } from '../src/main/core/sync/thread/sync-thread'
import { cpuSnapshot, describeShare } from './lib/machine-share'
import { minimumRequests, rateFloorMs } from './lib/sync-floor'
import { builtThreadEntry } from './lib/thread-start'

const RATE = { limit: 120, windowMs: 60_000 }
const SIZE = { contacts: 400, conversations: 200, messagesPerConversation: 20, media: 48, campaigns: 6 }
const TARGET_MS = DEFAULT_TIMINGS.pollMs + 5_000
const TOP_THREADS = 15
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`
const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED')
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function until(check: () => boolean, what: string, timeoutMs = 15 * 60_000, everyMs = 50): Promise<void> {
  const deadline = performance.now() + timeoutMs
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`Gave up waiting for ${what}`)
    await sleep(everyMs)
  }
}

async function main(): Promise<void> {
  // The thread as the app starts it: the built bundle, fresh from this source.
  execFileSync(resolve('node_modules/.bin/electron-vite'), ['build'], { stdio: 'pipe' })
  const dir = await mkdtemp(join(tmpdir(), 'bench-latency-'))
  const sandbox = await startSandbox({ port: 0, seed: 3, accounts: 1, size: SIZE, rateLimit: RATE, autoAdvance: false })
  const account = sandbox.accounts[0]!
  const store: Store = openStore({ path: join(dir, 'account.sqlite') })
  const budgets: RateBudget[] = []
  const threads: SyncThread[] = []
  /** A sync as the app starts one: a fresh client and budget (a restart forgets the old ones). */
  const start = (): SyncThread => {
    const budget = new RateBudget(RATE)
    budgets.push(budget)
    const api = createSkyLightApi({ baseUrl: sandbox.url, apiKey: account.apiKey, budget })
    const thread = new SyncThread({ path: store.path, db: store.db, api, onEvent: () => {}, entry: builtThreadEntry() })
    threads.push(thread)
    return thread
  }
  const conversationsStored = () => (store.sqlite.prepare('SELECT count(*) AS n FROM conversations').get() as { n: number }).n
  /** Of the newest conversations stored, how many have their messages read up to their last one. */
  const topThreadsStored = () =>
    (
      store.sqlite
        .prepare('SELECT count(*) AS n FROM (SELECT * FROM conversations ORDER BY last_message_at_ms DESC LIMIT ?) WHERE messages_synced_ms = last_message_at_ms')
        .get(TOP_THREADS) as { n: number }
    ).n
  const present = (content: string) => store.sqlite.prepare('SELECT 1 FROM messages WHERE content = ?').get(content) !== undefined
  const contacts = sandbox.control.dump(account.id).conversations.map((c: { contact_id: number }) => c.contact_id)
  let n = 0
  /** A message from one of the oldest conversations (the last a full read reaches); ms until stored. */
  const inbound = async (): Promise<number> => {
    const content = `latency probe ${++n}`
    sandbox.control.injectInbound({ accountId: account.id, contactId: contacts[contacts.length - n]!, content })
    const at = performance.now()
    await until(() => present(content), `message ${n} to be stored`)
    return performance.now() - at
  }
  const apiLog = () => sandbox.control.requestLog().filter((e) => e.path.startsWith('/api/v1'))
  const rows: [string, number][] = []
  try {
    const minimum = minimumRequests(sandbox.control.dump(account.id))
    console.log(`account: ${SIZE.contacts} contacts, ${SIZE.conversations} conversations, ~${SIZE.conversations * SIZE.messagesPerConversation} messages, ${SIZE.media} media, ${SIZE.campaigns} campaigns`)
    console.log(`rate limit: ${RATE.limit} requests per ${RATE.windowMs / 1000} s (the real API's); poll every ${DEFAULT_TIMINGS.pollMs / 1000} s\n`)
    const from = cpuSnapshot()

    // A first sync, as adding an account starts one (the thread's start included), with a
    // message arriving once the conversation list is read.
    const added = performance.now()
    let thread = start()
    await thread.ready()
    sandbox.control.clearLog()
    let started = performance.now()
    const first = thread.syncNow('first')
    const firstPage = until(() => conversationsStored() > 0, 'the first conversation page', 15 * 60_000, 5).then(() => performance.now() - added)
    const topThreads = until(() => topThreadsStored() === TOP_THREADS, `the ${TOP_THREADS} newest threads`, 15 * 60_000, 5).then(() => performance.now() - added)
    await until(() => apiLog().some((e) => /\/contacts\/\d+\/messages$/.test(e.path)), 'the first sync to read messages')
    rows.push(['during a first sync', await inbound()])
    const [pageMs, threadsMs] = await Promise.all([firstPage, topThreads])
    await first
    const firstMs = performance.now() - started
    const firstRequests = apiLog().length
    const floor = rateFloorMs(minimum, RATE)
    console.log('after adding an account (from the sync thread\'s start)')
    console.log(`  first conversation page stored: ${s(pageMs)} (target ≤ 1.5 s — ${verdict(pageMs <= 1_500)})`)
    console.log(`  the ${TOP_THREADS} newest threads stored:  ${s(threadsMs)} (target ≤ 3 s — ${verdict(threadsMs <= 3_000)})\n`)
    console.log('pacing at the real window')
    console.log(`  first sync: ${firstRequests} requests (minimum ${minimum}) in ${s(firstMs)}; rate-limit floor ${s(floor)}, ${(firstMs / floor).toFixed(3)}× (target ≤ 1.1× — ${verdict(firstMs <= floor * 1.1)})`)

    // A full pass, with a message arriving a few seconds in.
    sandbox.control.clearLog()
    started = performance.now()
    const full = thread.syncNow('full')
    await sleep(5_000)
    rows.push(['during a full pass', await inbound()])
    await full
    console.log(`  full pass:  ${apiLog().length} requests in ${s(performance.now() - started)} (it started with the window the first sync left)\n`)

    // A restart: the app starts again (refresh first), and a message arrives.
    await thread.stop()
    thread = start()
    await thread.ready()
    thread.start()
    rows.push(['right after a restart', await inbound()])
    await thread.syncNow('refresh')

    // A refresh, with a message arriving as it starts.
    const refresh = thread.syncNow('refresh')
    rows.push(['during a refresh', await inbound()])
    await refresh

    console.log(`inbound message → row in the store (target ≤ poll interval + 5 s = ${s(TARGET_MS)})`)
    for (const [state, ms] of rows) console.log(`  ${state.padEnd(22)} ${s(ms).padStart(7)} — ${verdict(ms <= TARGET_MS)}`)
    console.log(`\nprocessors over the run: ${describeShare(from)}`)
  } finally {
    for (const thread of threads) await thread.stop()
    for (const budget of budgets) budget.dispose()
    store.close()
    await sandbox.close()
    await rm(dir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
