// Sync against a sandbox the size of a busy account (10k contacts, 2k conversations,
// 100k+ messages, 1k+ media), with the rate window shortened from a minute to a second
// so it runs in minutes. Sync runs as in the app: on its own thread (SyncThread), asking
// this thread's rate budget for slots. Prints requests vs the API's minimum, wall time vs
// the rate-limit floor, incremental and refresh costs, write throughput vs raw SQLite doing the same work, how
// this thread's event loop (the core's, which answers the interface) fared during sync,
// and view query latencies. Run: npm run bench:sync (node --expose-gc, see below)
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createSkyLightApi, RateBudget } from '../src/main/core/skylight'
import { message as messageSchema } from '../src/main/core/skylight/resources/messages'
import { contactPage, conversationPage, countMessageHits, openStore, searchMessages, threadPage } from '../src/main/core/store'
import { SyncThread } from '../src/main/core/sync/thread/sync-thread'
import { idleProbe, watchLoop } from './lib/loop-watch'
import { cpuSnapshot, describeShare } from './lib/machine-share'
import { percentile as pct } from './lib/percentile'
import { startSandboxProcess } from './lib/sandbox-process'
import { benchWrites, type ContactMessages } from './lib/write-bench'
import { benchPrefixSearch, printPrefixSearch } from './lib/search-bench'
import { minimumRequests, rateFloorMs } from './lib/sync-floor'
import { bareWorkerStart, builtThreadExists, builtThreadStart } from './lib/thread-start'

const RATE = { limit: 120, windowMs: 1_000 }
const ms = (n: number) => `${n.toFixed(2)} ms`
const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED')

function timeEach(runs: number, fn: (i: number) => void): number[] {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    fn(i)
    times.push(performance.now() - start)
  }
  return times
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-sync-'))
  const sandbox = await startSandboxProcess(['--size', 'bench', '--accounts', '1', '--still', '--rate-limit', `${RATE.limit}/${RATE.windowMs}`])
  const store = openStore({ path: join(dir, 'account.sqlite') })
  const budget = new RateBudget(RATE)
  let sync: SyncThread | undefined
  try {
    const accountId = sandbox.accounts[0]!.id
    const api = createSkyLightApi({ baseUrl: sandbox.url, apiKey: sandbox.accounts[0]!.apiKey, budget })
    // The thread's start, as the app pays it when an account is added: the built bundle.
    if (builtThreadExists()) {
      const from = cpuSnapshot()
      const built = await builtThreadStart(7, store.path, store.db, api)
      const bare = await bareWorkerStart(7)
      console.log('sync thread start (built bundle, 7 starts; new Worker → store open and client ready)')
      console.log(`  thread:      wall p50 ${ms(pct(built.wallMs, 50))}, CPU p50 ${ms(pct(built.cpuMs, 50))} (process, all threads)`)
      console.log(`  bare worker: wall p50 ${ms(pct(bare.wallMs, 50))}, CPU p50 ${ms(pct(bare.cpuMs, 50))} (Node's own floor)`)
      console.log(`  processors meanwhile: ${describeShare(from)}\n`)
    } else {
      console.log('sync thread start: skipped — run `npm run build` first to measure the built bundle\n')
    }
    sync = new SyncThread({ path: store.path, db: store.db, api, onEvent: () => {}, timings: { pollMs: 3_600_000 } })

    // Full sync first, in a process holding what the app would hold: the sandbox's dump
    // (100k+ parsed messages) is read only afterwards, as it would make the garbage
    // collector of this process work far harder than the app's ever does. The thread is
    // started and the heap settled first: the app's was long before anyone adds an
    // account, where this process has just compiled its TypeScript. While the sync runs,
    // the views' main query is asked every 50 ms, as a user scrolling would.
    await sync.ready()
    ;(globalThis as { gc?: (options: object) => void }).gc?.({ type: 'major', execution: 'sync', flavor: 'last-resort' })
    await sandbox.control('DELETE', '/log')
    const probe = idleProbe()
    const loop = watchLoop()
    const duringSync: number[] = []
    const reader = setInterval(() => {
      const start = performance.now()
      conversationPage(store.db, { limit: 50 })
      duringSync.push(performance.now() - start)
    }, 50)
    const started = performance.now()
    const cpuBefore = process.cpuUsage()
    const from = cpuSnapshot()
    await sync.syncNow('first')
    const wall = performance.now() - started
    const cpu = process.cpuUsage(cpuBefore)
    clearInterval(reader)
    const figures = loop.stop()
    const idle = await probe.stop()
    if (sync.status.state !== 'idle') throw new Error(`sync ended ${sync.status.state}: ${sync.status.message}`)
    const made = (await sandbox.control<unknown[]>('GET', '/log')).length
    const dump = await sandbox.control<any>('GET', `/dump/${accountId}`)
    const messageCount = Object.values(dump.messages as Record<string, unknown[]>).reduce((n, m) => n + m.length, 0)
    console.log(`account: ${dump.contacts.length} contacts, ${dump.conversations.length} conversations, ${messageCount} messages, ${dump.media.length} media, ${dump.campaigns.length} campaigns`)
    console.log(`rate limit: ${RATE.limit} requests per ${RATE.windowMs} ms (the real API: 120 per minute)\n`)
    const minimum = minimumRequests(dump)
    const floor = rateFloorMs(minimum, RATE)
    console.log('full sync')
    console.log(`  requests:            ${made} (minimum the API allows: ${minimum}, ${(made / minimum).toFixed(3)}×)`)
    // With the window shortened to a second this is a CPU-throughput figure for this machine
    // (fetch, validate, write 1,000+ pages); the pacing at the real window is bench:latency's.
    console.log(`  wall time:           ${(wall / 1000).toFixed(1)} s (rate-limit floor ${(floor / 1000).toFixed(1)} s, ${(wall / floor).toFixed(3)}×; target ≤ 1.1× — ${verdict(wall <= floor * 1.1)})`)
    console.log(`  CPU time:            ${(cpu.user / 1e6).toFixed(1)} s user + ${(cpu.system / 1e6).toFixed(1)} s system, this process (both threads); processors meanwhile: ${describeShare(from)}`)
    // Sync runs on its own thread; these are the core's thread, which answers the interface.
    const block = figures.blockMaxMs
    console.log(
      `  core thread's work:  ${block === null ? 'n/a (needs Node 22.19+)' : `longest block ${ms(block)} of its own CPU, ${figures.blocksOverFrame} over 16 ms (target ≤ 16 ms — ${verdict(block <= 16)})`}`,
    )
    console.log(`  GC pauses:           longest ${ms(figures.gcMaxMs)} (wall time; the collector's helper threads and other processes stretch it)`)
    console.log(`  core thread's CPU:   ${figures.cpuMs === null ? 'n/a' : `${(figures.cpuMs / 1000).toFixed(2)} s`} while the sync took ${(wall / 1000).toFixed(1)} s on its own thread`)
    // Wall-clock delays also count time this machine ran other threads or stalled on its
    // disk; the idle process says how much of that any program here sees.
    console.log(`  timer delays (wall): max ${ms(figures.delayMaxMs)}, 99.9% ≤ ${ms(figures.delayP999Ms)}; an idle process here, meanwhile: max ${ms(idle.delayMaxMs)}`)
    console.log(`  conversation page while syncing: p50 ${ms(pct(duringSync, 50))}  p95 ${ms(pct(duringSync, 95))}  max ${ms(Math.max(...duringSync))} (${duringSync.length} reads)\n`)

    // Incremental.
    const contactIds = (dump.conversations as { contact_id: number }[]).map((c) => c.contact_id)
    console.log('incremental sync (poll)')
    for (const k of [0, 1, 10, 100]) {
      for (let i = 0; i < k; i++) await sandbox.control('POST', '/inbound', { accountId, contactId: contactIds[(i * 7) % contactIds.length], content: `bench ${k}/${i}` })
      await sandbox.control('DELETE', '/log')
      await sync.syncNow('poll')
      const requests = (await sandbox.control<unknown[]>('GET', '/log')).length
      const target = k === 0 ? 2 : k + 2
      console.log(`  k = ${String(k).padEnd(3)} new messages:  ${requests} requests (target ≤ ${target} — ${verdict(requests <= target)})`)
    }

    // Refresh with nothing new: the small collections re-read, nothing else.
    await sync.syncNow('refresh') // settles what the polls above left due
    await sandbox.control('DELETE', '/log')
    await sync.syncNow('refresh')
    const refreshRequests = (await sandbox.control<unknown[]>('GET', '/log')).length
    console.log(`  refresh, nothing new: ${refreshRequests} requests (target ≤ 10 — ${verdict(refreshRequests <= 10)})`)

    // Writes: the store's message upsert vs raw SQLite doing the same work (lib/write-bench.ts).
    const histories = Object.entries(dump.messages as Record<string, unknown[]>)
      .filter(([, list]) => list.length > 0)
      .map(([contactId, list]): ContactMessages => [Number(contactId), list.map((m) => messageSchema.parse(m))])
    const w = benchWrites(dir, histories)
    const rate = (f: { rows: number }, t: number) => Math.round(f.rows / (t / 1000)).toLocaleString('en')
    console.log(`\nwrites (${w.rows.toLocaleString('en')} messages in ${w.pages.toLocaleString('en')} pages of one contact, a transaction each, same file, indexes and FTS)`)
    if (w.store.rows !== w.rows || w.raw.rows !== w.rows) console.log(`  rows saved: store ${w.store.rows}, raw ${w.raw.rows} of ${w.rows} — MISSED`)
    console.log(`  store upsert:  ${rate(w.store, w.store.cpuMs)} rows/s of CPU (${rate(w.store, w.store.wallMs)} rows/s wall)`)
    console.log(`  raw SQLite:    ${rate(w.raw, w.raw.cpuMs)} rows/s of CPU (${rate(w.raw, w.raw.wallMs)} rows/s wall)`)
    const share = w.raw.cpuMs / w.store.cpuMs
    console.log(`  store at ${(share * 100).toFixed(0)}% of raw (CPU time; target ≥ 60% — ${verdict(share >= 0.6)})`)

    // View queries on the synced store.
    console.log('\nview queries (200 runs each)')
    const db = store.db
    const firstPage = conversationPage(db, { limit: 50 })
    let cursor = firstPage.next
    const convTimes = timeEach(200, (i) => {
      const page = conversationPage(db, { limit: 50, ...(i % 2 && cursor ? { before: cursor } : {}) })
      cursor = page.next ?? firstPage.next
    })
    const threadTimes = timeEach(200, (i) => threadPage(db, { contactId: contactIds[i % contactIds.length]!, limit: 50 }))
    const words = ['order', 'مرحبا', 'delivery', 'شكرا', 'price', 'help', 'طلب', 'thanks', 'ready', 'invoice']
    const searchTimes = timeEach(200, (i) => searchMessages(db, { query: words[i % words.length]!, limit: 30 }))
    const contactTimes = timeEach(200, (i) => contactPage(db, { search: words[i % words.length]!.slice(0, 3), limit: 50 }))
    // The inbox's "N found": one letter typed is the most matches a count reads.
    const countTimes = timeEach(200, (i) => countMessageHits(db, { query: i % 2 ? words[i % words.length]! : words[i % words.length]!.slice(0, 1) }))
    const line = (name: string, t: number[], target?: number) =>
      console.log(`  ${name.padEnd(20)} p50 ${ms(pct(t, 50))}  p95 ${ms(pct(t, 95))}${target ? ` (target p95 < ${target} ms — ${verdict(pct(t, 95) < target)})` : ''}`)
    line('conversation page', convTimes, 5)
    line('thread page', threadTimes)
    line('message search', searchTimes, 20)
    line('contact search', contactTimes)
    line('search count', countTimes, 50)
    // What each keystroke of a search asks, beside raw SQLite doing the same (lib/search-bench.ts).
    console.log('\nmessage search as typed (20 runs a prefix)')
    printPrefixSearch(benchPrefixSearch(store))
  } finally {
    // The sync schedules its next poll and the budget its next slot; both would keep Node running.
    await sync?.stop()
    budget.dispose()
    store.close()
    sandbox.stop()
    await rm(dir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
