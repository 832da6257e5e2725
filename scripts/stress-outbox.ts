// npm run stress:outbox -- --runs 1000 [--seed 1]
// Runs the outbox in a child process against the sandbox (its own process, driven over its
// HTTP control routes). Each run queues a seeded mix of actions for fresh contacts while the
// sandbox injects faults (5xx, connections dropped before and after the server acts, cut
// answers, 429 storms, offline flaps) and SIGKILLs the child at random moments; then it
// restarts the child without faults until the outbox drains, and judges from the
// sandbox's state and request log alone how many actions were lost or duplicated.
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
import { judge, planRun, prng } from './lib/outbox-stress-plan'
import { startSandboxProcess, type SandboxProcess } from './lib/sandbox-process'

export interface StressOptions {
  runs: number
  seed?: number
  /** Told of each run's verdict. */
  onRun?: (line: string) => void
}

export interface StressResult {
  runs: number
  actions: number
  lost: number
  duplicated: number
  kills: number
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

async function kill(child: Child): Promise<void> {
  if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGKILL')
  await child.exited
}

/** Faults for this run: random rates, sometimes a 429 storm, sometimes the server goes away. */
async function injectFaults(sandbox: SandboxProcess, random: () => number): Promise<void> {
  const rules = []
  if (random() < 0.15) rules.push({ kind: 'rate-limit', retryAfter: 1, times: 1 + Math.floor(random() * 3) })
  await sandbox.control('POST', '/faults', {
    errorRate: random() * 0.12,
    dropBeforeRate: random() * 0.08,
    dropAfterRate: random() * 0.12,
    truncateRate: random() * 0.08,
    rules,
    ...(random() < 0.2 ? { offline: true, offlineForMs: 50 + Math.floor(random() * 250) } : {}),
  })
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
  const setupApi = createSkyLightApi({ baseUrl: sandbox.url, apiKey: account.apiKey, budget: new RateBudget({ limit: 600, windowMs: 1000 }) })
  const result: StressResult = { runs: 0, actions: 0, lost: 0, duplicated: 0, kills: 0, secondsPerRun: 0, problems: [] }
  const started = performance.now()
  try {
    const channelId = (await setupApi.account.channels()).find((c) => c.type === 'whatsapp' && c.is_connected)!.id!
    // A thousand runs upload more files than the sandbox plan's limit (1,000) allows; a
    // refusal is a correct outcome but would read as a loss here.
    await sandbox.control('POST', '/media-limit', { accountId: account.id, max: null })
    for (let run = 1; run <= options.runs; run++) {
      const random = prng(seed * 104_729 + run)
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
      const fromSeq = ((await control<RequestLogEntry[]>(sandbox, 'GET', '/log')).at(-1)?.seq ?? 0)
      const args = [storePath, sandbox.url, account.apiKey, planPath]

      let child = startChild([...args, '--enqueue'])
      if (!(await child.waitFor('enqueued', 30_000))) throw new Error(`run ${run}: the child did not queue its plan`)
      await injectFaults(sandbox, random)
      let kills = 0
      const planned = Math.floor(random() * 3)
      for (let k = 0; k < planned; k++) {
        await sleep(20 + random() * 250)
        if (child.lines.some((l) => l.startsWith('drained'))) break
        await kill(child)
        kills++
        child = startChild(args)
      }
      result.kills += kills
      await sleep(random() * 200)
      await control(sandbox, 'DELETE', '/faults')
      let drained = await child.waitFor('drained', 60_000)
      await child.exited
      if (!drained || /"failed":[1-9]/.test(drained)) {
        // What waits for the user (failed, retryable) is retried, as the user would.
        child = startChild([...args, '--retry-failed'])
        drained = await child.waitFor('drained', 60_000)
        await child.exited
      }
      const dump = await control<AccountDump>(sandbox, 'GET', `/dump/${account.id}`)
      const log = (await control<RequestLogEntry[]>(sandbox, 'GET', '/log')).filter((e) => e.seq > fromSeq)
      const verdict = judge(plan, dump, log)
      result.runs++
      result.actions += verdict.actions
      result.lost += verdict.lost.length
      result.duplicated += verdict.duplicated.length
      for (const p of [...verdict.lost.map((l) => `run ${run} lost ${l}`), ...verdict.duplicated.map((d) => `run ${run} duplicated ${d}`)]) result.problems.push(p)
      if (!drained) result.problems.push(`run ${run}: did not drain`)
      // Refusals are not losses of the outbox, but none is expected here: say so if one happens.
      const refused = drained ? (JSON.parse(drained.slice('drained '.length)) as { failed: string[] }).failed : []
      for (const f of refused) result.problems.push(`run ${run}: refused: ${f}`)
      options.onRun?.(`run ${run}: ${verdict.actions} actions, ${kills} kills, lost ${verdict.lost.length}, duplicated ${verdict.duplicated.length}`)
      await rm(dir, { recursive: true, force: true })
      // Keep the sandbox's log small: the judge reads it whole every run.
      if (run % 20 === 0) await control(sandbox, 'DELETE', '/log')
    }
  } finally {
    sandbox.stop()
    await rm(root, { recursive: true, force: true })
  }
  result.secondsPerRun = (performance.now() - started) / 1000 / Math.max(1, result.runs)
  return result
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' }, seed: { type: 'string', default: '1' }, verbose: { type: 'boolean', default: false } } })
  const runs = Number(values.runs)
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${values.runs}`)
  const result = await runStress({
    runs,
    seed: Number(values.seed),
    onRun: (line) => {
      if (values.verbose) console.log(line)
    },
  })
  for (const problem of result.problems.slice(0, 50)) console.log(problem)
  console.log(`runs:            ${result.runs}`)
  console.log(`actions:         ${result.actions}`)
  console.log(`kills:           ${result.kills}`)
  console.log(`lost:            ${result.lost}`)
  console.log(`duplicated:      ${result.duplicated}`)
  console.log(`seconds per run: ${result.secondsPerRun.toFixed(2)}`)
  if (result.lost > 0 || result.duplicated > 0 || result.problems.length > 0) process.exitCode = 1
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
