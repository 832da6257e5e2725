// npm run stress:outbox -- --runs 1000 [--seed 1] [--from N | --only N] [--verbose]
// Runs are seeded by (seed, run number): `--from 193 --runs 5` runs 193..197 with their own
// fault rates, plans and kill points, and `--only 193` replays one run. The sandbox's fault
// draws and the timing of kills still depend on the requests made before, so a replay shows
// the same trouble, not the same request sequence.
// Runs the outbox in a child process against the sandbox (its own process, driven over its
// HTTP control routes), through a fault proxy (lib/fault-proxy.ts). Each run queues a seeded
// mix of actions for fresh contacts under one kind of trouble, and SIGKILLs the child at
// random moments: the sandbox's own faults (5xx, connections dropped before and after the
// server acts, cut answers); requests carried out then answered 502; storms of 429s with
// Retry-After of seconds; the server away for seconds; the client's clock 10 minutes off;
// or a colleague sending the same text to the same contact. Then it restarts the child
// without faults until the outbox drains, answers what the outbox asks (is this record
// yours?) as a user looking at SkyLight would, and judges from the sandbox's state and
// request log alone how many actions were lost, duplicated or stuck, per kind of trouble.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { createSkyLightApi, RateBudget } from '../src/main/core/skylight'
import { openStore, saveWebChatSessions, upsertContacts } from '../src/main/core/store'
import type { AccountDump, RequestLogEntry } from '../src/sandbox'
import { FaultProxy } from './lib/fault-proxy'
import { COLLEAGUE, judge, oursActed, planRun, prng, type Asked, type Planned } from './lib/outbox-stress-plan'
import { startSandboxProcess, type SandboxProcess } from './lib/sandbox-process'

export const faultKinds = ['sandbox-faults', 'act-then-5xx', '429-storm', 'offline-seconds', 'clock-skew', 'second-client'] as const
export type FaultKind = (typeof faultKinds)[number]

export interface FaultTally {
  runs: number
  actions: number
  lost: number
  duplicated: number
  stuck: number
  /** Actions that stopped to ask the user whether a record found was theirs (then answered). */
  asked: number
}

export interface StressOptions {
  runs: number
  seed?: number
  /** The first run's number (default 1): its seeded trouble, plan and kills. */
  from?: number
  /** Told of each run's verdict. */
  onRun?: (line: string) => void
}

export interface StressResult {
  runs: number
  actions: number
  lost: number
  duplicated: number
  stuck: number
  asked: number
  kills: number
  byFault: Record<FaultKind, FaultTally>
  secondsPerRun: number
  problems: string[]
}

const CHILD = fileURLToPath(new URL('./lib/outbox-stress-child.ts', import.meta.url))
const PNG_HEAD = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

interface Child {
  process: ChildProcess
  lines: string[]
  exited: Promise<number | null>
  waitFor(prefix: string, timeoutMs: number): Promise<string | null>
}

function startChild(args: string[]): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  const lines: string[] = []
  const waiters: (() => void)[] = []
  createInterface({ input: child.stdout! }).on('line', (line) => {
    lines.push(line)
    for (const wake of waiters.splice(0)) wake()
  })
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)))
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      if (code !== 0 && code !== null) console.error(`[stress] child exited ${code}: ${stderr}`)
      for (const wake of waiters.splice(0)) wake()
      resolve(code)
    }),
  )
  return {
    process: child,
    lines,
    exited,
    async waitFor(prefix, timeoutMs) {
      const until = Date.now() + timeoutMs
      for (;;) {
        const line = lines.find((l) => l.startsWith(prefix))
        if (line) return line
        if (child.exitCode !== null || child.signalCode !== null || Date.now() > until) return null
        await new Promise<void>((resolve) => {
          waiters.push(resolve)
          setTimeout(resolve, 50)
        })
      }
    },
  }
}

/** Lets a child that said it drained close its store and exit; one that hangs is killed. */
async function settle(child: Child): Promise<void> {
  await Promise.race([child.exited, sleep(5_000)])
  await kill(child)
}

async function kill(child: Child): Promise<void> {
  if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGKILL')
  await child.exited
}

/** The sandbox's own faults at random rates (and sometimes its own brief outage). */
async function sandboxFaults(sandbox: SandboxProcess, random: () => number): Promise<void> {
  await sandbox.control('POST', '/faults', {
    errorRate: random() * 0.12,
    dropBeforeRate: random() * 0.08,
    dropAfterRate: random() * 0.12,
    truncateRate: random() * 0.08,
    ...(random() < 0.2 ? { offline: true, offlineForMs: 50 + Math.floor(random() * 250) } : {}),
  })
}

interface RunTrouble {
  /** Resolves when the trouble is over. */
  during: Promise<void>
}

/** This run's kind of trouble, started once the child has queued its plan. */
async function startTrouble(kind: FaultKind, sandbox: SandboxProcess, proxy: FaultProxy, random: () => number, sendOne: Extract<Planned, { kind: 'send' }> | undefined, colleagueSend: (contact: number, text: string) => Promise<void>): Promise<RunTrouble> {
  const later = (ms: number, what: () => Promise<void>) => sleep(ms).then(what)
  switch (kind) {
    case 'sandbox-faults':
      await sandboxFaults(sandbox, random)
      return { during: Promise.resolve() }
    case 'act-then-5xx':
      proxy.faults.actThen5xxRate = 0.25 + random() * 0.25
      return { during: Promise.resolve() }
    case '429-storm':
      proxy.faults.storm = { count: 2 + Math.floor(random() * 2), retryAfterS: 3 + Math.floor(random() * 6) }
      return { during: Promise.resolve() }
    case 'offline-seconds':
      return { during: later(random() * 300, () => proxy.offlineFor(1_000 + Math.floor(random() * 3_000))) }
    case 'clock-skew':
      // The child runs with its clock 10 minutes off; lost answers are what reconciling has to settle under it.
      await sandbox.control('POST', '/faults', { dropAfterRate: 0.15, truncateRate: 0.05 })
      return { during: Promise.resolve() }
    case 'second-client': {
      // Sends fail before the server acts; a colleague sends the same text to the same
      // contact meanwhile: once this app's first attempt at it is over, as in the field.
      await sandbox.control('POST', '/faults', { rules: [{ method: 'POST', path: '/messages/send', kind: 'drop-before', times: 1 }], dropBeforeRate: 0.1 })
      if (!sendOne || typeof sendOne.contact !== 'number') return { during: Promise.resolve() }
      const { contact, text } = sendOne
      const ourFirstAttempt = async () => {
        for (let i = 0; i < 150; i++) {
          const log = await control<RequestLogEntry[]>(sandbox, 'GET', '/log')
          if (log.some((e) => e.path.endsWith('/messages/send') && (e.body as { message?: string } | null)?.message === text && e.status !== undefined)) return
          await sleep(20)
        }
      }
      return { during: ourFirstAttempt().then(() => colleagueSend(contact, text)) }
    }
  }
}

/** The control routes are away while the sandbox is offline; wait until it answers again. */
async function control<T>(sandbox: SandboxProcess, method: string, path: string, body?: unknown): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await sandbox.control<T>(method, path, body)
    } catch (error) {
      if (i > 100) throw error
      await sleep(20)
    }
  }
}

export async function runStress(options: StressOptions): Promise<StressResult> {
  const seed = options.seed ?? 1
  const sandbox = await startSandboxProcess(['--size', 'small', '--accounts', '1', '--still', '--rate-limit', '600/1000'])
  const root = await mkdtemp(join(tmpdir(), 'stress-outbox-'))
  const account = sandbox.accounts[0]!
  const proxy = await FaultProxy.start(sandbox.url, prng(seed * 31 + 7))
  const setupApi = createSkyLightApi({ baseUrl: sandbox.url, apiKey: account.apiKey, budget: new RateBudget({ limit: 600, windowMs: 1000 }) })
  const byFault = Object.fromEntries(faultKinds.map((k) => [k, { runs: 0, actions: 0, lost: 0, duplicated: 0, stuck: 0, asked: 0 }])) as Record<FaultKind, FaultTally>
  const result: StressResult = { runs: 0, actions: 0, lost: 0, duplicated: 0, stuck: 0, asked: 0, kills: 0, byFault, secondsPerRun: 0, problems: [] }
  // A colleague on the web, sending straight to SkyLight (not through this app's proxy).
  const colleagueSend = async (contact: number, text: string) => {
    await fetch(`${sandbox.url}/api/v1/messages/send`, {
      method: 'POST',
      headers: { authorization: `Bearer ${account.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ contact_id: contact, message: text, via: COLLEAGUE }),
    }).catch(() => {})
  }
  const started = performance.now()
  try {
    const channelId = (await setupApi.account.channels()).find((c) => c.type === 'whatsapp' && c.is_connected)!.id!
    // A thousand runs upload more files than the sandbox plan's limit (1,000) allows; a
    // refusal is a correct outcome but would read as a loss here.
    await sandbox.control('POST', '/media-limit', { accountId: account.id, max: null })
    const first = options.from ?? 1
    for (let run = first; run < first + options.runs; run++) {
      const random = prng(seed * 104_729 + run)
      const kind = faultKinds[(run - 1) % faultKinds.length]!
      const dir = join(root, `run-${run}`)
      const storePath = join(dir, 'account.sqlite')
      // Fresh contacts per run, stored locally as sync would have.
      const contacts = []
      for (let i = 0; i < 4; i++) {
        contacts.push(await setupApi.contacts.create({ name: `Stress ${run}.${i}`, phone: `+9715${String(run * 10 + i).padStart(8, '0')}`, type: 'whatsapp' }))
      }
      // A visitor waiting for a person, taken over: the agent's reply goes in the plan.
      const visitor = await control<{ session_id: string }>(sandbox, 'POST', '/web-chat/visitor', { accountId: account.id, askForHuman: true, visitorName: `Stress ${run}` })
      const taken = await setupApi.webChat.command(visitor.session_id, 'take-over')
      const store = openStore({ path: storePath })
      upsertContacts(store.db, contacts)
      if (taken) saveWebChatSessions(store.db, [taken], false)
      store.close()
      const plan = planRun(run, seed, contacts.map((c) => c.id), channelId, taken ? visitor.session_id : undefined)
      for (const a of plan.actions) if (a.kind === 'upload') await writeFile(join(dir, a.file), Buffer.concat([PNG_HEAD, Buffer.alloc(a.size, run % 251)]))
      const planPath = join(dir, 'plan.json')
      await writeFile(planPath, JSON.stringify(plan))
      const fromSeq = (await control<RequestLogEntry[]>(sandbox, 'GET', '/log')).at(-1)?.seq ?? 0
      const garbledFrom = proxy.garbled.length
      const firstSend = plan.actions.find((a): a is Extract<Planned, { kind: 'send' }> => a.kind === 'send' && a.contact !== 'new')
      const skewMs = kind === 'clock-skew' ? (random() < 0.5 ? -1 : 1) * 10 * 60_000 : 0
      const args = [storePath, proxy.url, account.apiKey, planPath, '--skew', String(skewMs)]

      let child = startChild([...args, '--enqueue'])
      if (!(await child.waitFor('enqueued', 30_000))) throw new Error(`run ${run}: the child did not queue its plan`)
      const trouble = await startTrouble(kind, sandbox, proxy, random, firstSend, colleagueSend)
      let kills = 0
      const planned = Math.floor(random() * 3)
      for (let k = 0; k < planned; k++) {
        await sleep(20 + random() * 250)
        if (child.lines.some((l) => l.startsWith('drained'))) break
        await settle(child)
        kills++
        child = startChild(args)
      }
      result.kills += kills
      await sleep(random() * 200)
      await trouble.during
      await control(sandbox, 'DELETE', '/faults')
      proxy.reset()
      let drained = await child.waitFor('drained', 90_000)
      await settle(child)
      if (!drained || /"failed":[1-9]/.test(drained)) {
        // What waits for the user (failed, retryable) is retried, as the user would.
        child = startChild([...args, '--retry-failed'])
        drained = await child.waitFor('drained', 60_000)
        await settle(child)
      }
      // Actions that ask whether a record found is theirs: answered as a user who looks at
      // the conversation (or the library) on SkyLight and knows what they sent would.
      let asked = drainedOf(drained).asked
      const answers: string[] = []
      if (asked.length > 0) {
        const log = (await control<RequestLogEntry[]>(sandbox, 'GET', '/log')).filter((e) => e.seq > fromSeq)
        const decide = Object.fromEntries(asked.map((a) => [a.id, oursActed(log, a) ? 'mark-sent' : 'send-anyway']))
        for (const a of asked) answers.push(`${a.kind} ${decide[a.id]}`)
        child = startChild([...args, '--decide', JSON.stringify(decide)])
        drained = await child.waitFor('drained', 60_000)
        await settle(child)
      }
      const tally = byFault[kind]
      tally.asked += asked.length
      result.asked += asked.length
      asked = drainedOf(drained).asked
      const dump = await control<AccountDump>(sandbox, 'GET', `/dump/${account.id}`)
      const log = (await control<RequestLogEntry[]>(sandbox, 'GET', '/log')).filter((e) => e.seq > fromSeq)
      const verdict = judge(plan, dump, log, { garbled: proxy.garbled.slice(garbledFrom) })
      const final = drainedOf(drained)
      const stuck = drained ? final.counts.queued + final.counts.inFlight + final.failed.length + asked.length : verdict.actions
      result.runs++
      result.actions += verdict.actions
      result.lost += verdict.lost.length
      result.duplicated += verdict.duplicated.length
      result.stuck += stuck
      tally.runs++
      tally.actions += verdict.actions
      tally.lost += verdict.lost.length
      tally.duplicated += verdict.duplicated.length
      tally.stuck += stuck
      for (const p of [...verdict.lost.map((l) => `run ${run} (${kind}) lost ${l}`), ...verdict.duplicated.map((d) => `run ${run} (${kind}) duplicated ${d}`)]) result.problems.push(p)
      if (!drained) result.problems.push(`run ${run} (${kind}): did not drain`)
      // Refusals are not losses of the outbox, but none is expected here: say so if one happens.
      for (const f of final.failed) result.problems.push(`run ${run} (${kind}): refused: ${f}`)
      for (const a of asked) result.problems.push(`run ${run} (${kind}): still asking about ${a.kind} ${String(a.key)}`)
      options.onRun?.(`run ${run} (${kind}): ${verdict.actions} actions, ${kills} kills, lost ${verdict.lost.length}, duplicated ${verdict.duplicated.length}, stuck ${stuck}${answers.length ? `; asked: ${answers.join(', ')}` : ''}`)
      await rm(dir, { recursive: true, force: true })
      // Keep the sandbox's log small: the judge reads it whole every run.
      if ((run - first + 1) % 20 === 0) await control(sandbox, 'DELETE', '/log')
    }
  } finally {
    await proxy.close()
    sandbox.stop()
    await rm(root, { recursive: true, force: true })
  }
  result.secondsPerRun = (performance.now() - started) / 1000 / Math.max(1, result.runs)
  return result
}

function drainedOf(line: string | null): { counts: { queued: number; inFlight: number; failed: number }; failed: string[]; asked: Asked[] } {
  if (!line) return { counts: { queued: 0, inFlight: 0, failed: 0 }, failed: [], asked: [] }
  return JSON.parse(line.slice('drained '.length))
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '20' }, seed: { type: 'string', default: '1' }, from: { type: 'string', default: '1' }, only: { type: 'string' }, verbose: { type: 'boolean', default: false } },
  })
  const positive = (name: string, value: string) => {
    const n = Number(value)
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got ${value}`)
    return n
  }
  const result = await runStress({
    runs: values.only ? 1 : positive('runs', values.runs),
    from: positive(values.only ? 'only' : 'from', values.only ?? values.from),
    seed: Number(values.seed),
    onRun: (line) => {
      if (values.verbose) console.log(line)
    },
  })
  for (const problem of result.problems.slice(0, 50)) console.log(problem)
  const row = (name: string, t: FaultTally) =>
    `${name.padEnd(16)} ${[t.runs, t.actions, t.lost, t.duplicated, t.stuck, t.asked].map((n) => String(n).padStart(8)).join('')}`
  console.log(`${'fault kind'.padEnd(16)} ${['runs', 'actions', 'lost', 'dup', 'stuck', 'asked'].map((h) => h.padStart(8)).join('')}`)
  for (const kind of faultKinds) console.log(row(kind, result.byFault[kind]))
  console.log(row('all', result))
  console.log(`kills:           ${result.kills}`)
  console.log(`seconds per run: ${result.secondsPerRun.toFixed(2)}`)
  console.log('(asked: actions that stopped to ask whether a record found on SkyLight was theirs, then answered as the user would; reference: 0 lost, 0 duplicated, 0 stuck)')
  if (result.lost > 0 || result.duplicated > 0 || result.stuck > 0 || result.problems.length > 0) process.exitCode = 1
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
