// startSandbox(): a SkyLight-compatible API server on 127.0.0.1 with generated data,
// fault injection and a test control surface. See README-style notes in the options types.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createControl, type SandboxControl } from './control'
import { generateWorld } from './data/generate'
import { World } from './data/world'
import { FaultInjector } from './http/faults'
import { requestHandler } from './http/pipeline'
import { FixedWindowLimiter } from './http/rate-limit'
import { RequestLog } from './http/request-log'
import { ListeningServer } from './http/server'
import { DEFAULT_AUTO_ADVANCE, resolveSize, type SandboxOptions } from './options'
import { controlHandler, guardedControlHandler } from './routes/control'
import { apiRouter } from './routes/index'
import { AutoAdvance } from './simulation'
import { TimerSet } from './timers'

export interface SandboxAccount {
  id: number
  name: string
  /** The account's first key; `apiKeys` lists all of them. */
  apiKey: string
  apiKeys: string[]
}

export interface Sandbox {
  /** Origin, e.g. http://127.0.0.1:4010 (media URLs live here too). */
  url: string
  /** `${url}/api/v1` */
  apiUrl: string
  port: number
  accounts: SandboxAccount[]
  control: SandboxControl
  /** Stops timers, cuts connections, removes the temp storage dir. Safe to call twice. */
  close(): Promise<void>
}

function urlHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1'
  if (host === '::') return '[::1]'
  return host.includes(':') ? `[${host}]` : host
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const seed = options.seed ?? 1
  const host = options.host ?? '127.0.0.1'
  const world = new World(seed, options.now ?? Date.now, options.messageOrder ?? 'desc')
  generateWorld(world, options.accounts ?? 2, resolveSize(options.size))
  const ownsStorage = options.storageDir === undefined
  world.storageDir = options.storageDir ?? (await mkdtemp(join(tmpdir(), 'skylight-sandbox-')))

  const timers = new TimerSet()
  const limiter = new FixedWindowLimiter(options.rateLimit ?? { limit: 120, windowMs: 60_000 })
  const faults = new FaultInjector(seed)
  const log = new RequestLog()
  const autoAdvance = new AutoAdvance(world, timers)
  // The control routes need the control object, which needs the server: tie the knot lazily.
  let serveControl: ReturnType<typeof controlHandler> | null = null
  const server = new ListeningServer(
    requestHandler({
      world, router: apiRouter(), limiter, faults, log, timers,
      control: (req, res, url) => (serveControl as ReturnType<typeof controlHandler>)(req, res, url),
    }),
    host,
  )
  const control = createControl({ world, faults, log, limiter, server, autoAdvance })
  serveControl = guardedControlHandler(options.controlRoutes ?? 'open', world, controlHandler(control, world, timers))

  const port = await server.listen(options.port ?? 0)
  world.origin = `http://${urlHost(host)}:${port}`
  if (options.autoAdvance) control.setAutoAdvance({ ...DEFAULT_AUTO_ADVANCE, ...options.autoAdvance })

  let closed = false
  return {
    url: world.origin,
    apiUrl: `${world.origin}/api/v1`,
    port,
    accounts: world.accounts.map((a) => ({ id: a.id, name: a.profile.companyName, apiKey: a.apiKeys[0] as string, apiKeys: [...a.apiKeys] })),
    control,
    async close() {
      if (closed) return
      closed = true
      autoAdvance.set(null)
      timers.clearAll()
      await server.stop()
      if (ownsStorage) await rm(world.storageDir, { recursive: true, force: true })
    },
  }
}

export type { SandboxControl, InjectInboundInput, AdvanceInput, FaultPatch } from './control'
export type { AccountDump } from './data/dump'
export type { FaultRule, FaultSettings, FaultKind } from './http/faults'
export type { RequestLogEntry, Outcome } from './http/request-log'
export type { SandboxOptions, DataSize, SizePreset, RateLimitOptions, AutoAdvanceOptions, ControlRoutes } from './options'
export { SIZE_PRESETS } from './options'
