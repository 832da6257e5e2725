// npm run stress:sync -- --runs 50 [--seed 1] [--from <run>] (--from replays the runs of a seed from that one)
// First syncs and full passes, each in a child process, killed at random moments and run
// through faults (5xx, connections dropped before and after the server answers, cut
// answers, a 502 on page 2 of a long history, the server away); then run again without
// faults until they finish. The local copy is then compared row by row with the sandbox's
// dump: the number of rows that differ must be 0.
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import { startSandbox, type Sandbox } from '../src/sandbox'
import { createSkyLightApi, RateBudget } from '../src/main/core/skylight'
import { localSnapshot, serverSnapshot } from '../test/core/sync/snapshot'
import { prng } from './lib/outbox-stress-plan'

const CHILD = fileURLToPath(new URL('./lib/sync-stress-child.ts', import.meta.url))
const scenarios = ['kill-first', 'fault-first', 'history-502', 'kill-full', 'fault-full'] as const
type Scenario = (typeof scenarios)[number]

export interface SyncStressResult {
  runs: number
  kills: number
  /** Rows that differ from the server's dump after the last run, over all runs. */
  differingRows: number
  byScenario: Record<Scenario, { runs: number; kills: number; differingRows: number }>
  secondsPerRun: number
  problems: string[]
}

/** Runs one sync in a child; kills it after `killAfter` written pages when given. Resolves with its last line. */
function runChild(args: string[], killAfter: number | null): Promise<{ killed: boolean; done: string | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { stdio: ['ignore', 'pipe', 'inherit'] })
  let pages = 0
  let done: string | null = null
  let killed = false
  createInterface({ input: child.stdout! }).on('line', (line) => {
    if (line.startsWith('done')) done = line
    if (line.startsWith('changed') && killAfter !== null && ++pages >= killAfter && !done && !killed) {
      killed = true
      child.kill('SIGKILL')
    }
  })
  return new Promise((resolve) => child.on('exit', () => resolve({ killed, done })))
}

/** Rows of one snapshot section that differ: missing, extra or changed, keyed by id (described into `seen`). */
function differing(server: unknown, local: unknown, seen: string[] = [], section = ''): number {
  if (!Array.isArray(server) || !Array.isArray(local)) return JSON.stringify(server) === JSON.stringify(local) ? 0 : 1
  const rows = (list: unknown[]) => {
    const out = new Map<string, string>()
    for (const row of list as Record<string, unknown>[]) {
      // Messages come grouped by contact: each message is a row.
      if (Array.isArray(row.messages)) for (const m of row.messages as Record<string, unknown>[]) out.set(`${row.contactId}/${m.id}`, JSON.stringify(m))
      else out.set(String(row.id ?? row.contact_id), JSON.stringify(row))
    }
    return out
  }
  const a = rows(server)
  const b = rows(local)
  let n = 0
  for (const [key, value] of a) {
    if (b.get(key) === value) continue
    n++
    seen.push(`${section} ${key}: server ${value}, here ${b.get(key) ?? 'missing'}`)
  }
  for (const key of b.keys()) {
    if (a.has(key)) continue
    n++
    seen.push(`${section} ${key}: not on the server, here ${b.get(key)}`)
  }
  return n
}

export function differingRows(sandbox: Sandbox, accountId: number, path: string, seen: string[] = []): number {
  const db = new Database(path, { readonly: true })
  try {
    const server = serverSnapshot(sandbox.control.dump(accountId)) as Record<string, unknown>
    const local = localSnapshot(db) as Record<string, unknown>
    return Object.keys(server).reduce((n, key) => n + differing(server[key], local[key], seen, key), 0)
  } finally {
    db.close()
  }
}

/** What happens on the server between the first sync and a full pass. */
async function serverChanges(sandbox: Sandbox, accountId: number, apiKey: string, random: () => number): Promise<void> {
  const api = createSkyLightApi({ baseUrl: sandbox.url, apiKey, budget: new RateBudget({ limit: 10_000, windowMs: 60_000 }) })
  const dump = sandbox.control.dump(accountId)
  const pick = () => dump.contacts[Math.floor(random() * dump.contacts.length)]!.id as number
  for (let i = 0; i < 3; i++) sandbox.control.injectInbound({ accountId, contactId: pick(), content: `stress inbound ${i}` })
  for (let i = 0; i < 2; i++) await api.contacts.delete(pick()).catch(() => {})
  await api.contacts.update(pick(), { name: `Renamed ${Math.floor(random() * 1e6)}` })
  await api.contacts.create({ name: 'New in the pass', phone: `+97155${String(Math.floor(random() * 1e7)).padStart(7, '0')}`, type: 'whatsapp' })
  // Message statuses moving on (delivered → read) are left out: a full pass re-reads only the
  // histories whose conversation moved, and statuses reach the copy through the refresh's
  // look at recent sends, not through passes — not what this stress is about.
}

export async function runSyncStress(options: { runs: number; seed?: number; from?: number; onRun?: (line: string) => void }): Promise<SyncStressResult> {
  const seed = options.seed ?? 1
  const byScenario = Object.fromEntries(scenarios.map((s) => [s, { runs: 0, kills: 0, differingRows: 0 }])) as SyncStressResult['byScenario']
  const result: SyncStressResult = { runs: 0, kills: 0, differingRows: 0, byScenario, secondsPerRun: 0, problems: [] }
  const root = await mkdtemp(join(tmpdir(), 'stress-sync-'))
  const started = performance.now()
  try {
    const from = options.from ?? 1
    for (let run = from; run < from + options.runs; run++) {
      const random = prng(seed * 7_727 + run)
      const scenario = scenarios[(run - 1) % scenarios.length]!
      // Long histories (up to ~180 messages: two pages), several pages of contacts and media.
      const sandbox = await startSandbox({
        port: 0,
        seed: seed * 1000 + run,
        accounts: 1,
        size: { contacts: 260, conversations: 30, messagesPerConversation: 90, media: 120, campaigns: 3 },
        rateLimit: { limit: 10_000, windowMs: 60_000 },
        autoAdvance: false,
      })
      const account = sandbox.accounts[0]!
      const path = join(root, `run-${run}.sqlite`)
      const args = (kind: 'first' | 'full') => [path, sandbox.url, account.apiKey, kind]
      let kills = 0
      try {
        const full = scenario === 'kill-full' || scenario === 'fault-full'
        if (full) {
          const first = await runChild(args('first'), null)
          if (!first.done?.startsWith('done idle')) result.problems.push(`run ${run}: the clean first sync ended ${first.done}`)
          await serverChanges(sandbox, account.id, account.apiKey, random)
        }
        const kind = full ? 'full' : 'first'
        if (scenario === 'kill-first' || scenario === 'kill-full') {
          for (let k = 0, planned = 1 + Math.floor(random() * 3); k < planned; k++) {
            const outcome = await runChild(args(kind), 1 + Math.floor(random() * 25))
            if (outcome.killed) kills++
          }
        } else if (scenario === 'history-502') {
          const dump = sandbox.control.dump(account.id)
          const longest = Object.entries(dump.messages).sort((a, b) => b[1].length - a[1].length)[0]![0]
          const history = `/contacts/${longest}/messages`
          sandbox.control.setFaults({ rules: [{ path: history, kind: 'latency', ms: 0 }, { path: history, kind: 'status', status: 502, times: 6 }] })
          await runChild(args(kind), null)
          // And killed once while it resumes.
          if ((await runChild(args(kind), 1 + Math.floor(random() * 10))).killed) kills++
        } else {
          sandbox.control.setFaults({ errorRate: 0.04 + random() * 0.06, dropBeforeRate: random() * 0.05, dropAfterRate: random() * 0.05, truncateRate: random() * 0.05 })
          for (let i = 0, planned = 1 + Math.floor(random() * 3); i < planned; i++) {
            const outcome = await runChild(args(kind), random() < 0.5 ? 1 + Math.floor(random() * 25) : null)
            if (outcome.killed) kills++
          }
        }
        sandbox.control.clearFaults()
        // Then as the app would: run again until one run ends idle.
        let last: string | null = null
        for (let i = 0; i < 5 && !last?.startsWith('done idle'); i++) last = (await runChild(args(kind), null)).done
        if (!last?.startsWith('done idle')) result.problems.push(`run ${run} (${scenario}): never finished: ${last}`)
        const seen: string[] = []
        const rows = differingRows(sandbox, account.id, path, seen)
        result.runs++
        result.kills += kills
        result.differingRows += rows
        byScenario[scenario].runs++
        byScenario[scenario].kills += kills
        byScenario[scenario].differingRows += rows
        if (rows > 0) result.problems.push(`run ${run} (${scenario}): ${rows} rows differ from the server: ${seen.slice(0, 3).join('; ')}`)
        options.onRun?.(`run ${run} (${scenario}): ${kills} kills, ${rows} rows differ`)
      } finally {
        await sandbox.close()
        await rm(path, { force: true })
        await rm(`${path}-wal`, { force: true })
        await rm(`${path}-shm`, { force: true })
      }
    }
  } finally {
    await rm(root, { recursive: true, force: true })
  }
  result.secondsPerRun = (performance.now() - started) / 1000 / Math.max(1, result.runs)
  return result
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '50' }, seed: { type: 'string', default: '1' }, from: { type: 'string', default: '1' }, verbose: { type: 'boolean', default: false } } })
  const runs = Number(values.runs)
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${values.runs}`)
  const result = await runSyncStress({ runs, seed: Number(values.seed), from: Number(values.from), onRun: (line) => values.verbose && console.log(line) })
  for (const problem of result.problems.slice(0, 50)) console.log(problem)
  console.log(`${'scenario'.padEnd(14)}${['runs', 'kills', 'rows differing'].map((h) => h.padStart(16)).join('')}`)
  for (const s of scenarios) {
    const t = result.byScenario[s]
    console.log(`${s.padEnd(14)}${[t.runs, t.kills, t.differingRows].map((n) => String(n).padStart(16)).join('')}`)
  }
  console.log(`${'all'.padEnd(14)}${[result.runs, result.kills, result.differingRows].map((n) => String(n).padStart(16)).join('')}`)
  console.log(`rows that differ from the server's dump: ${result.differingRows} (reference: 0)`)
  console.log(`seconds per run: ${result.secondsPerRun.toFixed(2)}`)
  if (result.differingRows > 0 || result.problems.length > 0) process.exitCode = 1
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
