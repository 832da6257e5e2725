// A 429 with a long Retry-After (an hour) is honoured only up to a cap, then one request
// probes: a server that recovered is used again by sync and outbox within the cap, and the
// sync status carries the moment requests resume, for the status strip's countdown.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../src/sandbox'
import { openCore, type Core } from '../../../src/main/core'
import { SessionSecretStore } from '../../../src/main/core/secrets/secret-store'
import { createSkyLightApi, RateBudget } from '../../../src/main/core/skylight'
import { honouredWait, RETRY_AFTER_CAP_MS } from '../../../src/main/core/skylight/retry-policy'
import type { EventName, EventPayload, MethodInput, MethodName, MethodOutput } from '../../../src/shared/contract'

const HOUR_S = 3600

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 21, accounts: 1, rateLimit: { limit: 10_000, windowMs: 60_000 } })
})
afterAll(async () => sandbox?.close())
beforeEach(() => {
  sandbox.control.clearFaults()
  sandbox.control.clearLog()
})

const apiLog = () => sandbox.control.requestLog().filter((e) => e.path.startsWith('/api/v1'))

describe('the wait a 429 imposes', () => {
  it('is what the server asked, up to a minute', () => {
    expect(RETRY_AFTER_CAP_MS).toBe(60_000)
    expect(honouredWait(2_000)).toBe(2_000)
    expect(honouredWait(HOUR_S * 1000)).toBe(60_000)
    expect(honouredWait(-5)).toBe(0)
    expect(honouredWait(Number.NaN)).toBe(0)
  })

  it('pauses the budget for at most its cap, tells listeners when it starts and ends, then lets one probe go first', async () => {
    const budget = new RateBudget({ limit: 10, windowMs: 1000, maxPauseMs: 60 })
    budget.observe(undefined, undefined)
    const news: (number | null)[] = []
    const ended = new Promise<void>((resolve) =>
      budget.onPause((until) => {
        news.push(until)
        if (until === null) resolve()
      }),
    )
    budget.pauseFor(HOUR_S * 1000)
    expect(budget.pausedUntil).not.toBeNull()
    expect(budget.pausedUntil!).toBeLessThanOrEqual(Date.now() + 60)
    const grants: number[] = []
    const waits = [1, 2, 3].map((n) => budget.acquire().then((slot) => (grants.push(n), slot)))
    const probe = await waits[0]!
    await ended
    expect(news).toHaveLength(2)
    expect(news[1]).toBeNull()
    expect(budget.pausedUntil).toBeNull()
    // Only the probe is out until its answer is in.
    await new Promise((r) => setImmediate(r))
    expect(grants).toEqual([1])
    budget.observe(9, undefined)
    probe.release()
    const rest = await Promise.all(waits.slice(1))
    expect(grants).toEqual([1, 2, 3])
    for (const slot of rest) slot.release()
    budget.dispose()
  })

  it('never waits for a far-off X-RateLimit-Reset longer than the cap', async () => {
    const budget = new RateBudget({ limit: 10, windowMs: 1000, maxPauseMs: 40 })
    const first = await budget.acquire()
    first.release()
    budget.observe(0, Date.now() + HOUR_S * 1000)
    const slot = await budget.acquire()
    slot.release()
    budget.dispose()
  })
})

describe('a client told to wait an hour', () => {
  it('probes after the cap and gets its answer from a recovered server', async () => {
    sandbox.control.setFaults({ rules: [{ path: '/account', kind: 'rate-limit', retryAfter: HOUR_S, times: 1 }] })
    const budget = new RateBudget({ limit: 1000, windowMs: 60_000 })
    const pauses: (number | null)[] = []
    budget.onPause((until) => pauses.push(until === null ? null : until - Date.now()))
    const api = createSkyLightApi({ baseUrl: sandbox.url, apiKey: sandbox.accounts[0]!.apiKey, budget, maxRetryAfterMs: 150 })
    const account = await api.account.get()
    expect(account.id).toBe(sandbox.accounts[0]!.id)
    expect(apiLog().map((e) => e.status)).toEqual([429, 200])
    expect(pauses[0]).toBeLessThanOrEqual(150)
    budget.dispose()
  })
})

describe('the core after a 429 with Retry-After: 3600', () => {
  let dataDir: string
  let core: Core
  const events: { event: EventName; payload: unknown }[] = []

  async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const result = await core.dispatch(method, input)
    if (!result.ok) throw Object.assign(new Error(result.error.message), result.error)
    return result.value as MethodOutput<M>
  }
  async function until<E extends EventName>(event: E, test: (payload: EventPayload<E>) => boolean, from = 0): Promise<EventPayload<E>> {
    for (;;) {
      const hit = events.slice(from).find((e) => e.event === event && test(e.payload as EventPayload<E>))
      if (hit) return hit.payload as EventPayload<E>
      await new Promise((r) => setTimeout(r, 20))
    }
  }

  it('shows when requests resume, then syncs and sends again once the server answers', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'skylight-retry-after-'))
    try {
      core = await openCore({
        dataDir,
        appVersion: 'test',
        keychain: new SessionSecretStore(),
        rateLimit: { limit: 10_000, windowMs: 60_000 },
        client: { maxAttempts: 2, retryBaseMs: 10, maxRetryAfterMs: 300 },
      })
      core.on((event, payload) => events.push({ event, payload }))
      const added = await call('account-add', { apiKey: sandbox.accounts[0]!.apiKey, baseUrl: sandbox.url })
      await until('sync-status', (s) => s.accountId === added.id && s.state === 'idle' && s.firstSyncDone)
      const contactId = (await call('contacts-page', { limit: 1 })).items[0]!.id

      sandbox.control.clearLog()
      sandbox.control.setFaults({ rules: [{ kind: 'rate-limit', retryAfter: HOUR_S, times: 1 }] })
      const mark = events.length
      await call('sync-now', { kind: 'refresh' })
      const waiting = await until('sync-status', (s) => Boolean(s.retryAt), mark)
      // Asked for an hour, told the user of a short wait (the test's cap), never the hour.
      expect(Date.parse(waiting.retryAt!)).toBeLessThanOrEqual(Date.now() + 300)
      const { actionId } = await call('contact-add-note', { id: contactId, text: 'After the storm' })

      const resumed = events.length
      await until('sync-status', (s) => s.retryAt === null, mark)
      await until('sync-status', (s) => s.state === 'idle' && !s.retryAt, resumed)
      await until('outbox-action', (a) => a.action.id === actionId && a.action.state === 'done', mark)
      expect(await call('sync-status', {})).toMatchObject({ state: 'idle', retryAt: null })
      const statuses = apiLog().map((e) => e.status)
      expect(statuses[0]).toBe(429)
      expect(statuses.filter((s) => s === 429)).toHaveLength(1)
      expect(apiLog().filter((e) => e.method === 'POST' && e.path.endsWith('/notes'))).toHaveLength(1)
    } finally {
      await core?.close()
      await rm(dataDir, { recursive: true, force: true })
    }
  }, 30_000)
})
