// The control surface over HTTP under /__sandbox/…, for tests driving a sandbox in another
// process. JSON in and out; never rate limited, faulted or logged.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import type { SandboxControl } from '../control'
import { CHANNEL_TYPES } from '../data/model'
import type { World } from '../data/world'
import { authenticate, UNAUTHENTICATED_MESSAGE } from '../http/auth'
import { readJsonBody } from '../http/body'
import type { FaultRule } from '../http/faults'
import { HttpError, json, type Result, validationFailed } from '../http/respond'
import { writeResult } from '../http/write'
import type { ControlRoutes } from '../options'
import type { TimerSet } from '../timers'

const int = z.number().int()
const inbound = z.object({ accountId: int.optional(), contactId: int.optional(), content: z.string().optional() })
const supportReply = z.object({ accountId: int.optional(), ticketId: int.optional(), message: z.string().min(1).optional() })
const visitor = z.object({ accountId: int.optional(), sessionId: z.string().optional(), message: z.string().min(1).optional(), askForHuman: z.boolean().optional(), visitorName: z.string().optional() })
const advance = z.object({ messages: int.min(0).optional(), campaigns: int.min(0).optional(), accountId: int.optional() })
const autoAdvance = z.union([
  z.object({ enabled: z.literal(false) }),
  z.object({ messageMs: int.min(10).optional(), campaignMs: int.min(10).optional() }),
])
const channel = z.object({ accountId: int, type: z.enum(CHANNEL_TYPES), connected: z.boolean() })
const mediaLimit = z.object({ accountId: int, max: int.min(0).nullable() })
const rateLimit = z.object({ limit: int.min(1), windowMs: int.min(1) })
// Over JSON a RegExp is sent as its source in `pathPattern` (and optional `pathFlags`).
const rule = z.object({
  method: z.string().optional(),
  path: z.string().optional(),
  pathPattern: z.string().optional(),
  pathFlags: z.string().optional(),
  kind: z.enum(['status', 'drop-before', 'drop-after', 'truncate', 'latency', 'rate-limit', 'slow-answer', 'empty-page', 'empty-list', 'invalid-items']),
  status: int.optional(),
  retryAfter: z.number().optional(),
  ms: int.min(0).optional(),
  times: int.min(1).optional(),
})
const rate = z.number().min(0).max(1).optional()
const faults = z.object({
  latencyMs: int.min(0).optional(),
  errorRate: rate,
  dropBeforeRate: rate,
  dropAfterRate: rate,
  truncateRate: rate,
  // Going offline over HTTP also takes the control routes away, so it must say when to come back.
  offline: z.boolean().optional(),
  offlineForMs: int.min(1).optional(),
  rules: z.array(rule).optional(),
})

function parse<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body ?? {})
  if (result.success) return result.data
  const errors: Record<string, string[]> = {}
  for (const issue of result.error.issues) (errors[issue.path.join('.') || 'body'] ??= []).push(issue.message)
  throw validationFailed(errors)
}

function toRule(r: z.output<typeof rule>): FaultRule {
  const { pathPattern, pathFlags, path, ...rest } = r
  return { ...rest, path: pathPattern !== undefined ? new RegExp(pathPattern, pathFlags) : path }
}

const done = (data: unknown = null): Result => json(200, { success: true, data })

type ControlHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>

/** The control routes as `mode` exposes them: open, behind an API key of the sandbox, or absent. */
export function guardedControlHandler(mode: ControlRoutes, world: World, handler: ControlHandler): ControlHandler {
  if (mode === 'open') return handler
  return async (req, res, url) => {
    const method = (req.method ?? 'GET').toUpperCase()
    if (mode === 'off') {
      req.resume()
      return writeResult(res, method, json(404, { success: false, message: 'Not found.' }))
    }
    if (!authenticate(world, req)) {
      req.resume()
      return writeResult(res, method, json(401, { success: false, message: UNAUTHENTICATED_MESSAGE }))
    }
    return handler(req, res, url)
  }
}

export function controlHandler(control: SandboxControl, world: World, timers: TimerSet): ControlHandler {
  const routes: Record<string, (body: unknown, arg: number) => Result | Promise<Result>> = {
    'GET /__sandbox/accounts': () =>
      done(world.accounts.map((a) => ({ id: a.id, name: a.profile.companyName, apiKey: a.apiKeys[0], apiKeys: a.apiKeys }))),
    'POST /__sandbox/inbound': (body) => done(control.injectInbound(parse(inbound, body))),
    'POST /__sandbox/ticket-reply': (body) => done(control.supportReply(parse(supportReply, body))),
    'POST /__sandbox/web-chat/visitor': (body) => done(control.visitorMessage(parse(visitor, body))),
    'POST /__sandbox/advance': (body) => done(control.advance(parse(advance, body))),
    'POST /__sandbox/auto-advance': (body) => {
      const input = parse(autoAdvance, body)
      control.setAutoAdvance('enabled' in input ? false : input)
      return done()
    },
    'POST /__sandbox/channels': (body) => {
      const input = parse(channel, body)
      return done(control.setChannelConnected(input.accountId, input.type, input.connected))
    },
    'POST /__sandbox/media-limit': (body) => {
      const input = parse(mediaLimit, body)
      control.setMediaLimit(input.accountId, input.max)
      return done()
    },
    'GET /__sandbox/faults': () => done({ ...control.getFaults(), rules: control.getFaults().rules.map((r) => ({ ...r, path: String(r.path ?? '') })) }),
    'POST /__sandbox/faults': async (body) => {
      const { offline, offlineForMs, rules, ...rest } = parse(faults, body)
      if (offline === true && offlineForMs === undefined) {
        throw validationFailed({ offlineForMs: ['offlineForMs is required with offline: true over HTTP.'] })
      }
      await control.setFaults({ ...rest, ...(rules ? { rules: rules.map(toRule) } : {}) })
      const result = done()
      if (offline === true && offlineForMs !== undefined) {
        result.after = () => {
          void control.setOffline(true).then(() => timers.later(offlineForMs, () => void control.setOffline(false)))
        }
      }
      return result
    },
    'DELETE /__sandbox/faults': async () => {
      await control.clearFaults()
      return done()
    },
    'GET /__sandbox/log': () => done(control.requestLog()),
    'DELETE /__sandbox/log': () => {
      control.clearRequestLog()
      return done()
    },
    'POST /__sandbox/rate-limit': (body) => {
      control.setRateLimit(parse(rateLimit, body))
      return done()
    },
    'GET /__sandbox/dump': (_body, accountId) => done(control.dump(accountId)),
  }

  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const method = (req.method ?? 'GET').toUpperCase()
    const m = /^(\/__sandbox\/dump)\/(\d+)$/.exec(url.pathname)
    const key = `${method} ${m ? m[1] : url.pathname}`
    const handler = routes[key]
    let result: Result
    try {
      if (!handler) throw new HttpError(404, { success: false, message: `No control route ${key}.` })
      const body = await readJsonBody(req)
      result = await handler(body, Number(m?.[2] ?? 0))
    } catch (error) {
      result = error instanceof HttpError
        ? json(error.status, error.body)
        : json(422, { success: false, message: (error as Error).message })
    }
    if (result.after) res.once('finish', result.after)
    writeResult(res, method, result)
  }
}
