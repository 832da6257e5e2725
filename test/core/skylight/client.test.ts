// The API client against the sandbox over real HTTP: rate budget, retries, error mapping.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../src/sandbox'
import {
  BadResponseError,
  CancelledError,
  createSkyLightApi,
  ForbiddenError,
  NetworkError,
  NotFoundError,
  RateBudget,
  RateLimitedError,
  ServerError,
  UnauthorizedError,
  ValidationError,
} from '../../../src/main/core/skylight'
import type { SkyLightClientOptions } from '../../../src/main/core/skylight/client'

let sandbox: Sandbox

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 11, accounts: 2, rateLimit: { limit: 1000, windowMs: 60_000 } })
})
afterAll(async () => {
  await sandbox?.close()
})
beforeEach(() => {
  sandbox.control.clearFaults()
  sandbox.control.setRateLimit({ limit: 1000, windowMs: 60_000 })
  sandbox.control.clearLog()
})

function api(options: Partial<SkyLightClientOptions> = {}, account = 0) {
  return createSkyLightApi({
    baseUrl: sandbox.url,
    apiKey: sandbox.accounts[account]!.apiKey,
    budget: new RateBudget({ limit: 1000, windowMs: 60_000 }),
    retryBaseMs: 20,
    retryMaxMs: 200,
    ...options,
  })
}

const apiLog = () => sandbox.control.requestLog().filter((e) => e.path.startsWith('/api/v1'))

describe('rate budget against the server', () => {
  it('a burst of 500 requests from a cold start never draws a 429', async () => {
    const limit = { limit: 40, windowMs: 400 }
    sandbox.control.setRateLimit(limit)
    const client = api({ budget: new RateBudget(limit) })
    const results = await Promise.all(
      Array.from({ length: 500 }, (_, i) => client.contacts.list({ per_page: 1, page: (i % 5) + 1 })),
    )
    expect(results).toHaveLength(500)
    const log = apiLog()
    expect(log).toHaveLength(500)
    expect(log.filter((e) => e.status === 429)).toHaveLength(0)
  }, 60_000)

  it('waits out forced 429s for as long as Retry-After says', async () => {
    sandbox.control.setFaults({ rules: [{ path: '/account', kind: 'rate-limit', retryAfter: 1, times: 2 }] })
    const started = Date.now()
    const account = await api().account.get()
    expect(account.id).toBe(sandbox.accounts[0]!.id)
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900)
    expect(apiLog().map((e) => e.status)).toEqual([429, 429, 200])
  })

  it('gives up with RateLimitedError once the allowed wait is spent', async () => {
    sandbox.control.setFaults({ rules: [{ path: '/account', kind: 'rate-limit', retryAfter: 1, times: 5 }] })
    await expect(api({ maxRateLimitWaitMs: 1500 }).account.get()).rejects.toBeInstanceOf(RateLimitedError)
  })
})

describe('retries', () => {
  it('retries GETs through 5xx, dropped connections and truncated answers', async () => {
    sandbox.control.setFaults({
      rules: [
        { path: '/contacts', kind: 'status', status: 503 },
        { path: '/contacts', kind: 'drop-before' },
        { path: '/contacts', kind: 'drop-after' },
        { path: '/contacts', kind: 'truncate' },
      ],
    })
    const page = await api().contacts.list()
    expect(page.items.length).toBeGreaterThan(0)
    expect(apiLog().map((e) => e.outcome)).toEqual(['fault:5xx', 'fault:drop-before', 'fault:drop-after', 'fault:truncate', 'ok'])
  })

  it('does not repeat a POST whose request reached the server', async () => {
    const client = api()
    const contact = (await client.contacts.list({ type: 'whatsapp' })).items[0]!
    sandbox.control.setChannelConnected(sandbox.accounts[0]!.id, 'whatsapp', true)
    sandbox.control.clearLog()
    sandbox.control.setFaults({ rules: [{ method: 'POST', path: '/messages/send', kind: 'drop-after' }] })
    const error = await client.messages.send(contact.id, 'Hello once').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NetworkError)
    expect((error as NetworkError).reachedServer).toBe('maybe')
    const sends = apiLog().filter((e) => e.path === '/api/v1/messages/send')
    expect(sends).toHaveLength(1)
    expect(sends[0]!.acted).toBe(true)
  })

  it('does not repeat a POST after a 500 either', async () => {
    sandbox.control.setFaults({ rules: [{ method: 'POST', path: '/tags', kind: 'status', status: 500 }] })
    await expect(api().tags.create('Once only')).rejects.toBeInstanceOf(ServerError)
    expect(apiLog().filter((e) => e.method === 'POST')).toHaveLength(1)
  })

  it('repeats a POST that provably never reached the server (connection refused)', async () => {
    const client = api({ maxAttempts: 8, retryBaseMs: 100, retryMaxMs: 300 })
    await sandbox.control.setOffline(true)
    setTimeout(() => void sandbox.control.setOffline(false), 400)
    const tag = await client.tags.create('Created after reconnect')
    expect(tag.title).toBe('Created after reconnect')
    expect(apiLog().filter((e) => e.method === 'POST' && e.path === '/api/v1/tags')).toHaveLength(1)
  })
})

describe('errors', () => {
  it('maps 401 to UnauthorizedError with advice', async () => {
    const client = createSkyLightApi({ baseUrl: sandbox.url, apiKey: 'sk_test_wrong', budget: new RateBudget({ limit: 10, windowMs: 1000 }) })
    const error = await client.account.get().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UnauthorizedError)
    expect((error as Error).message).toMatch(/API key/)
  })

  it('maps 403, 404 and 422 with the server’s message and field errors', async () => {
    const client = api()
    const media = await client.media.list({ per_page: 100 })
    const adminFile = media.items.find((m) => m.uploaded_by === 'admin')!
    const forbidden = await client.media.delete(adminFile.id).catch((e: unknown) => e)
    expect(forbidden).toBeInstanceOf(ForbiddenError)
    expect((forbidden as Error).message.length).toBeGreaterThan(5)

    await expect(client.contacts.get(999_999)).rejects.toBeInstanceOf(NotFoundError)
    // Another account's record is not found either.
    const theirs = (await api({}, 1).contacts.list()).items[0]!
    await expect(client.contacts.get(theirs.id)).rejects.toBeInstanceOf(NotFoundError)

    const invalid = await client.contacts.create({ name: '' }).catch((e: unknown) => e)
    expect(invalid).toBeInstanceOf(ValidationError)
    expect((invalid as ValidationError).fields['name']?.[0]).toMatch(/name/i)
  })

  it('turns a send to a disconnected channel into the server’s reason', async () => {
    const client = api()
    const contact = (await client.contacts.list({ type: 'telegram' })).items[0]!
    sandbox.control.setChannelConnected(sandbox.accounts[0]!.id, 'telegram', false)
    const error = await client.messages.send(contact.id, 'Will fail').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as Error).message).toBe('No telegram channel connected.')
    expect((error as ValidationError).data).toMatchObject({ status: 'failed' })
  })

  it('maps 5xx on a GET, after its retries, to ServerError', async () => {
    sandbox.control.setFaults({ rules: [{ path: '/account', kind: 'status', status: 502, times: 3 }] })
    await expect(api({ maxAttempts: 3 }).account.get()).rejects.toBeInstanceOf(ServerError)
  })

  it('maps an unreachable server to NetworkError that never reached it', async () => {
    await sandbox.control.setOffline(true)
    try {
      const error = await api({ maxAttempts: 2 }).account.get().catch((e: unknown) => e)
      expect(error).toBeInstanceOf(NetworkError)
      expect((error as NetworkError).reachedServer).toBe('no')
      expect((error as Error).message).toMatch(/refused/)
    } finally {
      await sandbox.control.setOffline(false)
    }
  })

  it('times out a request that gets no answer', async () => {
    sandbox.control.setFaults({ rules: [{ path: '/account', kind: 'latency', ms: 1500 }] })
    const error = await api({ timeoutMs: 300, maxAttempts: 1 }).account.get().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NetworkError)
    expect((error as Error).message).toMatch(/did not answer/)
  })

  it('stops at once when the caller aborts', async () => {
    sandbox.control.setFaults({ rules: [{ path: '/account', kind: 'latency', ms: 1000 }] })
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 100)
    const started = Date.now()
    await expect(api().account.get({ signal: controller.signal })).rejects.toBeInstanceOf(CancelledError)
    expect(Date.now() - started).toBeLessThan(900)
  })

  it('calls an answer that is not the API’s (a captive portal’s HTML) a bad response', async () => {
    // The sandbox always speaks JSON; a tiny server stands in for a hotel Wi-Fi login page.
    const http = await import('node:http')
    const portal = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>Sign in to Wi-Fi</html>'))
    await new Promise<void>((resolve) => portal.listen(0, '127.0.0.1', resolve))
    const { port } = portal.address() as { port: number }
    try {
      const client = createSkyLightApi({
        baseUrl: `http://127.0.0.1:${port}`,
        apiKey: 'k',
        budget: new RateBudget({ limit: 10, windowMs: 1000 }),
        maxAttempts: 2,
        retryBaseMs: 10,
      })
      await expect(client.account.get()).rejects.toBeInstanceOf(BadResponseError)
    } finally {
      portal.close()
    }
  })
})
