// The request pipeline every endpoint goes through: the key's rate budget, the HTTP
// exchange, classification of the answer into data or a typed error, and the retry rules —
// idempotent requests retry through network faults, 5xx and unreadable answers; any request
// retries after a 429 (the server refused it unseen); a POST otherwise retries only when it
// provably never reached the server.
import { setTimeout as sleep } from 'node:timers/promises'
import type { z } from 'zod'
import {
  BadResponseError,
  CancelledError,
  ForbiddenError,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  ServerError,
  SkyLightError,
  UnauthorizedError,
  ValidationError,
} from './errors'
import type { Budget, Priority } from './rate-budget'
import { backoffDelay, honouredWait, rateLimitRemaining, rateLimitReset, RETRY_AFTER_CAP_MS, retryAfterMs } from './retry-policy'
import { serverAddressProblem, withScheme } from '../../../shared/contract/server-address'
import { envelope, type Page } from './schema'
import { sendHttp, type BodySource, type HttpAnswer } from './transport'

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
export type Query = Record<string, string | number | boolean | undefined | null>

export interface CallOptions {
  priority?: Priority
  signal?: AbortSignal
  timeoutMs?: number
}

export interface RequestSpec extends CallOptions {
  method: Method
  path: string
  query?: Query
  json?: unknown
  upload?: { body: BodySource; contentType: string; onProgress?: (sent: number, total: number) => void }
  /** Safe to repeat after an unknown outcome. Defaults to true for GET, PUT, PATCH, DELETE. */
  idempotent?: boolean
}

export interface SkyLightClientOptions {
  /** The server, e.g. https://dashboard.skylightchat.com (the /api/v1 prefix is added). */
  baseUrl: string
  apiKey: string
  budget: Budget
  timeoutMs?: number
  /** Attempts for one request through transient faults (429 waits are counted apart). */
  maxAttempts?: number
  retryBaseMs?: number
  retryMaxMs?: number
  /** Longest total wait on 429s before giving up with RateLimitedError. */
  maxRateLimitWaitMs?: number
  /** Longest one 429 keeps the key silent, whatever Retry-After says; then a request probes. */
  maxRetryAfterMs?: number
  random?: () => number
  userAgent?: string
  /** Told of list items that failed validation and were skipped. */
  onInvalidItem?: (path: string, issue: string) => void
  now?: () => number
}

/** The options another thread can be given to make the same client (no functions, no budget). */
export type PortableClientOptions = Pick<
  SkyLightClientOptions,
  | 'baseUrl'
  | 'apiKey'
  | 'timeoutMs'
  | 'maxAttempts'
  | 'retryBaseMs'
  | 'retryMaxMs'
  | 'maxRateLimitWaitMs'
  | 'maxRetryAfterMs'
  | 'userAgent'
>

export class SkyLightClient {
  readonly baseUrl: URL
  readonly budget: Budget
  readonly #apiKey: string
  readonly #options: Required<Omit<SkyLightClientOptions, 'baseUrl' | 'apiKey' | 'budget' | 'onInvalidItem'>> &
    Pick<SkyLightClientOptions, 'onInvalidItem'>

  constructor(options: SkyLightClientOptions) {
    this.baseUrl = parseBaseUrl(options.baseUrl)
    this.budget = options.budget
    this.#apiKey = options.apiKey
    this.#options = {
      timeoutMs: 30_000,
      maxAttempts: 5,
      retryBaseMs: 500,
      retryMaxMs: 30_000,
      maxRateLimitWaitMs: 5 * 60_000,
      maxRetryAfterMs: RETRY_AFTER_CAP_MS,
      random: Math.random,
      userAgent: 'SkyLightDesk',
      now: Date.now,
      ...options,
    }
  }

  /** What a thread needs to make a client like this one (sync runs on its own thread). */
  portableOptions(): PortableClientOptions {
    const { timeoutMs, maxAttempts, retryBaseMs, retryMaxMs, maxRateLimitWaitMs, maxRetryAfterMs, userAgent } = this.#options
    return {
      baseUrl: this.baseUrl.href,
      apiKey: this.#apiKey,
      timeoutMs,
      maxAttempts,
      retryBaseMs,
      retryMaxMs,
      maxRateLimitWaitMs,
      maxRetryAfterMs,
      userAgent,
    }
  }

  /** The `data` of a JSON answer, validated. */
  async data<S extends z.ZodType>(spec: RequestSpec, schema: S): Promise<z.output<S>> {
    const body = await this.#exchange(spec)
    const parsed = schema.safeParse(body.data)
    if (!parsed.success) throw new BadResponseError(`${spec.method} ${spec.path}: ${parsed.error.issues[0]?.message ?? 'invalid data'}`)
    return parsed.data
  }

  /** A page of a list: each item validated on its own, so one odd record cannot block the rest. */
  async page<S extends z.ZodType>(spec: RequestSpec, item: S): Promise<Page<z.output<S>>> {
    const body = await this.#exchange(spec)
    if (!Array.isArray(body.data)) throw new BadResponseError(`${spec.method} ${spec.path}: expected a list`)
    const items: z.output<S>[] = []
    let skipped = 0
    for (const raw of body.data) {
      const parsed = item.safeParse(raw)
      if (parsed.success) items.push(parsed.data)
      else {
        skipped++
        this.#options.onInvalidItem?.(spec.path, parsed.error.issues[0]?.message ?? 'invalid item')
      }
    }
    const meta = body.meta
    return {
      items,
      skipped,
      page: meta?.current_page ?? 1,
      lastPage: meta?.last_page ?? 1,
      perPage: meta?.per_page ?? body.data.length,
      total: meta?.total ?? body.data.length,
    }
  }

  /** For answers without a body worth reading (204 deletes, toggles we re-read anyway). */
  async send(spec: RequestSpec): Promise<void> {
    await this.#exchange(spec)
  }

  async #exchange(spec: RequestSpec): Promise<z.output<typeof envelope>> {
    const o = this.#options
    const idempotent = spec.idempotent ?? spec.method !== 'POST'
    const started = o.now()
    let attempt = 0
    let rateLimitWaited = 0
    for (;;) {
      if (spec.signal?.aborted) throw new CancelledError()
      let error: SkyLightError
      try {
        return await this.#attempt(spec)
      } catch (caught) {
        if (!(caught instanceof SkyLightError)) throw caught
        error = caught
      }
      if (error instanceof RateLimitedError) {
        // The budget is already paused for everyone on this key; waiting costs no attempt.
        rateLimitWaited += error.retryAfterMs
        if (rateLimitWaited > o.maxRateLimitWaitMs) throw error
        continue
      }
      const retryable =
        (error instanceof NetworkError && (idempotent || error.reachedServer === 'no')) ||
        ((error instanceof ServerError || error instanceof BadResponseError) && idempotent)
      attempt++
      if (!retryable || attempt >= o.maxAttempts) throw error
      const delay = backoffDelay(attempt - 1, { baseMs: o.retryBaseMs, maxMs: o.retryMaxMs, random: o.random })
      if (o.now() - started + delay > o.timeoutMs * o.maxAttempts) throw error
      try {
        await sleep(delay, undefined, { signal: spec.signal })
      } catch {
        throw new CancelledError()
      }
    }
  }

  async #attempt(spec: RequestSpec): Promise<z.output<typeof envelope>> {
    const o = this.#options
    const slot = await this.budget.acquire(spec.priority ?? 'sync', spec.signal)
    let answer: HttpAnswer
    try {
      answer = await sendHttp({
        method: spec.method,
        url: this.#url(spec.path, spec.query),
        headers: this.#headers(spec),
        body: spec.upload ? spec.upload.body : spec.json === undefined ? undefined : Buffer.from(JSON.stringify(spec.json)),
        keepAlive: (spec.idempotent ?? spec.method !== 'POST') === true,
        timeoutMs: spec.timeoutMs ?? o.timeoutMs,
        ...(spec.signal ? { signal: spec.signal } : {}),
        ...(spec.upload?.onProgress ? { onUploadProgress: spec.upload.onProgress } : {}),
      })
    } finally {
      slot.release()
    }
    this.budget.observe(rateLimitRemaining(answer.headers), rateLimitReset(answer.headers))
    return this.#interpret(spec, answer)
  }

  #interpret(spec: RequestSpec, answer: HttpAnswer): z.output<typeof envelope> {
    const { status } = answer
    if (status === 204 || (answer.body.length === 0 && status >= 200 && status < 300)) return { data: undefined }
    let json: unknown
    try {
      json = JSON.parse(answer.body.toString('utf8'))
    } catch {
      if (status >= 500) throw new ServerError(status)
      throw new BadResponseError(`${spec.method} ${spec.path}: answer ${status} is not JSON`, status)
    }
    const parsed = envelope.safeParse(json)
    const body = parsed.success ? parsed.data : { data: undefined, message: undefined, errors: undefined }
    const message = body.message ?? undefined

    if (status === 429) {
      const asked = retryAfterMs(answer.headers, json, this.#options.now()) ?? this.budget.windowMs / this.budget.limit
      // Honoured up to the cap, then one request probes (the budget lets one through first).
      const wait = honouredWait(asked, this.#options.maxRetryAfterMs)
      this.budget.pauseFor(wait)
      throw new RateLimitedError(wait)
    }
    if (status === 401) throw new UnauthorizedError(message)
    if (status === 403) throw new ForbiddenError(message)
    if (status === 404) throw new NotFoundError(message)
    if (status >= 500) throw new ServerError(status, message)
    if (status >= 400 || body.success === false) {
      // A refusal that carries a record (e.g. a message saved as failed) explains itself best.
      const recordError = (body.data as { error?: unknown } | undefined)?.error
      const text = typeof recordError === 'string' && recordError ? recordError : firstFieldError(body.errors) ?? message
      throw new ValidationError(text ?? `SkyLight refused the request (${status}).`, status, body.errors ?? {}, body.data)
    }
    if (!parsed.success) throw new BadResponseError(`${spec.method} ${spec.path}: ${parsed.error.issues[0]?.message}`, status)
    return body
  }

  #url(path: string, query?: Query): URL {
    const url = new URL(`api/v1${path}`, this.baseUrl)
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, String(value))
    }
    return url
  }

  #headers(spec: RequestSpec): Record<string, string> {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'X-Api-Key': this.#apiKey,
      'User-Agent': this.#options.userAgent,
    }
    if (spec.upload) headers['Content-Type'] = spec.upload.contentType
    else if (spec.json !== undefined) headers['Content-Type'] = 'application/json'
    return headers
  }
}

function firstFieldError(errors: Record<string, string[]> | undefined): string | undefined {
  if (!errors) return undefined
  for (const messages of Object.values(errors)) if (messages[0]) return messages[0]
  return undefined
}

/**
 * Accepts "dashboard.example.com", "https://host/" or "https://host/api/v1" alike; refuses
 * http:// except for this computer, and an address with a user name or password in it.
 */
export function parseBaseUrl(input: string): URL {
  const problem = serverAddressProblem(input)
  if (problem) throw new ValidationError(problem, 0, { baseUrl: [problem] })
  const url = new URL(withScheme(input))
  url.pathname = url.pathname.replace(/\/api\/v1\/?$/, '/').replace(/\/?$/, '/')
  url.search = ''
  url.hash = ''
  return url
}
