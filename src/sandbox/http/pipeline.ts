// The life of one request: fault decision → (latency) → auth → rate limit → route →
// response written whole, truncated or not at all; and its request-log entry.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { iso } from '../data/time'
import type { World } from '../data/world'
import type { TimerSet } from '../timers'
import { authenticate, UNAUTHENTICATED_MESSAGE } from './auth'
import { readJsonBody } from './body'
import type { FaultAction, FaultInjector } from './faults'
import { serveFile } from './files'
import { TOO_MANY_REQUESTS_MESSAGE, type FixedWindowLimiter } from './rate-limit'
import type { RequestLog, RequestLogEntry } from './request-log'
import { HttpError, json, type Result, SERVER_ERROR_MESSAGE } from './respond'
import type { Router } from './router'
import { writeResult, writeTruncated } from './write'

export interface PipelineDeps {
  world: World
  router: Router
  limiter: FixedWindowLimiter
  faults: FaultInjector
  log: RequestLog
  timers: TimerSet
  /** Handles /__sandbox/… (no auth, no faults, no rate limit, not logged). */
  control: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>
}

const API_PREFIX = '/api/v1'
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export function requestHandler(deps: PipelineDeps) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    handle(deps, req, res).catch((error: unknown) => {
      console.error('[sandbox] request failed', error)
      if (!res.headersSent) writeResult(res, 'GET', json(500, { success: false, message: SERVER_ERROR_MESSAGE }))
      else res.destroy()
    })
  }
}

async function handle(deps: PipelineDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sandbox.invalid')
  const path = url.pathname
  const method = (req.method ?? 'GET').toUpperCase()
  if (path === '/__sandbox' || path.startsWith('/__sandbox/')) return deps.control(req, res, url)
  const isApi = path === API_PREFIX || path.startsWith(`${API_PREFIX}/`)
  const isFile = path.startsWith('/storage/')
  if (!isApi && !isFile) return writeResult(res, method, json(404, { success: false, message: 'Not found.' }))

  const decision = deps.faults.decide(method, path)
  if (decision.latencyMs > 0) await deps.timers.sleep(decision.latencyMs)
  const entry = isApi
    ? deps.log.start({ at: iso(deps.world.now()), method, path, query: Object.fromEntries(url.searchParams) })
    : null
  const action = decision.action
  const early = faultBeforeActing(deps, action, entry)
  if (early === 'dropped') return void req.socket.destroy()
  if (early) return writeResult(res, method, early)

  const slowMs = action.kind === 'slow-answer' ? action.ms : 0
  const result = isFile ? serveFile(deps.world, path) : await runApi(deps, req, url, method, entry as RequestLogEntry, slowMs)
  if (entry) {
    entry.status = result.status
    entry.acted = result.acted ?? (MUTATING.has(method) && result.status < 400)
    if (result.createdId !== undefined) entry.createdId = result.createdId
  }
  if (result.after) res.once('finish', result.after)
  // A client that gave up on a slow answer meanwhile never hears it; the act stands.
  if (action.kind === 'slow-answer' && (res.destroyed || req.socket.destroyed)) return
  if (action.kind === 'drop-after') {
    if (entry) Object.assign(entry, { status: null, outcome: 'fault:drop-after' })
    return void res.destroy()
  }
  if (action.kind === 'truncate') {
    if (entry) entry.outcome = 'fault:truncate'
    return writeTruncated(res, method, result)
  }
  writeResult(res, method, rewriteAnswer(action, result, entry))
}

/** The well-formed but suspicious list answers (empty page, empty list, unreadable items). */
function rewriteAnswer(action: FaultAction, result: Result, entry: RequestLogEntry | null): Result {
  if (action.kind !== 'empty-page' && action.kind !== 'empty-list' && action.kind !== 'invalid-items') return result
  if (result.kind !== 'json') return result
  const body = result.body as { data?: unknown; meta?: Record<string, unknown> } | null
  if (!body || !Array.isArray(body.data)) return result
  if (entry) entry.outcome = `fault:${action.kind}`
  if (action.kind === 'invalid-items') return { ...result, body: { ...body, data: body.data.map(() => ({ id: null })) } }
  if (action.kind === 'empty-page') return { ...result, body: { ...body, data: [] } }
  return { ...result, body: { ...body, data: [], ...(body.meta ? { meta: { ...body.meta, total: 0, last_page: 1, current_page: 1, from: null, to: null } } : {}) } }
}

/** Faults that strike before the server does anything: an error status, a 429, or a dropped connection. */
function faultBeforeActing(deps: PipelineDeps, action: FaultAction, entry: RequestLogEntry | null): Result | 'dropped' | null {
  switch (action.kind) {
    case 'drop-before':
      if (entry) entry.outcome = 'fault:drop-before'
      return 'dropped'
    case 'status':
      if (entry) Object.assign(entry, { status: action.status, outcome: 'fault:5xx' })
      return json(action.status, { success: false, message: SERVER_ERROR_MESSAGE })
    case 'rate-limit': {
      if (entry) Object.assign(entry, { status: 429, outcome: 'rate-limited' })
      const limit = deps.limiter.settings.limit
      return json(429, { success: false, message: TOO_MANY_REQUESTS_MESSAGE, retry_after: action.retryAfter }, {
        headers: {
          'X-RateLimit-Limit': String(limit),
          'X-RateLimit-Remaining': '0',
          'X-RateLimit-Reset': String(Math.ceil(Date.now() / 1000) + action.retryAfter),
          'Retry-After': String(action.retryAfter),
        },
      })
    }
    default:
      return null
  }
}

async function runApi(deps: PipelineDeps, req: IncomingMessage, url: URL, method: string, entry: RequestLogEntry, slowMs: number): Promise<Result> {
  const limit = String(deps.limiter.settings.limit)
  const auth = authenticate(deps.world, req)
  if (!auth) {
    entry.outcome = 'unauthorized'
    return json(401, { success: false, message: UNAUTHENTICATED_MESSAGE }, {
      headers: { 'X-RateLimit-Limit': limit, 'X-RateLimit-Remaining': limit },
    })
  }
  entry.accountId = auth.store.id
  const rate = deps.limiter.check(auth.key)
  if (!rate.allowed) {
    entry.outcome = 'rate-limited'
    return json(429, { success: false, message: TOO_MANY_REQUESTS_MESSAGE, retry_after: rate.retryAfter }, { headers: rate.headers })
  }
  const result = await dispatch(deps, req, url, method, entry, auth.store, slowMs)
  return { ...result, headers: { ...result.headers, ...rate.headers } }
}

async function dispatch(
  deps: PipelineDeps, req: IncomingMessage, url: URL, method: string, entry: RequestLogEntry,
  store: NonNullable<ReturnType<typeof authenticate>>['store'],
  slowMs: number,
): Promise<Result> {
  const match = deps.router.match(method, url.pathname.slice(API_PREFIX.length) || '/')
  if (match.kind === 'not-found') return json(404, { success: false, message: 'The requested endpoint does not exist.' })
  if (match.kind === 'method-not-allowed') {
    return json(405, { success: false, message: `The ${method} method is not supported for this route.` })
  }
  try {
    const body = match.options.raw ? undefined : await readJsonBody(req)
    entry.body = body ?? null
    if (slowMs > 0) {
      // The request is in: SkyLight carries it out after a while, whether or not the client still waits.
      entry.outcome = 'fault:slow-answer'
      await deps.timers.sleep(slowMs)
    }
    const result = await match.handler({
      world: deps.world, store, params: match.params, query: url.searchParams, body, req, now: deps.world.now(),
    })
    if (result.logBody !== undefined) entry.body = result.logBody
    return result
  } catch (error) {
    if (error instanceof HttpError) return json(error.status, error.body, { acted: false })
    entry.outcome = 'error'
    // A client that hung up mid-body is not a sandbox bug; anything else is worth a line on stderr.
    if (!req.destroyed) console.error('[sandbox] handler error', error)
    return json(500, { success: false, message: SERVER_ERROR_MESSAGE })
  }
}
