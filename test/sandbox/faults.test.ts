// Fault injection (rules, rates, offline) and the request log that shows what happened.
import { describe, expect, it } from 'vitest'
import { startSandbox } from '../../src/sandbox'
import { client, useSandbox } from './helpers'

const sandbox = useSandbox({ seed: 8 })

const tagCount = async () => (await client(sandbox()).get('/tags')).body.data.length
const postTag = (title: string) =>
  fetch(`${sandbox().apiUrl}/tags`, { method: 'POST', headers: { 'X-Api-Key': client(sandbox()).key, 'Content-Type': 'application/json' }, body: JSON.stringify({ title }) })
const postTagWith = (title: string, signal: AbortSignal) =>
  fetch(`${sandbox().apiUrl}/tags`, { method: 'POST', signal, headers: { 'X-Api-Key': client(sandbox()).key, 'Content-Type': 'application/json' }, body: JSON.stringify({ title }) })
const lastEntry = () => sandbox().control.requestLog().filter((e) => e.path === '/api/v1/tags' && e.method === 'POST').at(-1)!

describe('one-shot rules', () => {
  it('drop-before: the connection dies and nothing changes', async () => {
    const before = await tagCount()
    sandbox().control.setFaults({ rules: [{ method: 'POST', path: '/tags', kind: 'drop-before' }] })
    await expect(postTag('Dropped before')).rejects.toThrow()
    expect(await tagCount()).toBe(before)
    expect(lastEntry()).toMatchObject({ outcome: 'fault:drop-before', acted: false, status: null })
    // The rule was used up: the retry goes through.
    expect((await postTag('Dropped before')).status).toBe(201)
  })

  it('drop-after: the connection dies but the change happened', async () => {
    const before = await tagCount()
    sandbox().control.setFaults({ rules: [{ method: 'POST', path: /\/tags$/, kind: 'drop-after' }] })
    await expect(postTag('Dropped after')).rejects.toThrow()
    expect(await tagCount()).toBe(before + 1)
    const entry = lastEntry()
    expect(entry).toMatchObject({ outcome: 'fault:drop-after', acted: true, status: null, body: { title: 'Dropped after' } })
    expect((await client(sandbox()).get(`/tags/${entry.createdId}`)).body.data.title).toBe('Dropped after')
  })

  it('truncate: full Content-Length, half the body, then a cut connection; the change happened', async () => {
    const before = await tagCount()
    sandbox().control.setFaults({ rules: [{ method: 'POST', path: '/api/v1/tags', kind: 'truncate' }] })
    const res = await postTag('Truncated')
    expect(res.status).toBe(201)
    expect(Number(res.headers.get('content-length'))).toBeGreaterThan(20)
    await expect(res.text()).rejects.toThrow()
    expect(await tagCount()).toBe(before + 1)
    expect(lastEntry()).toMatchObject({ outcome: 'fault:truncate', acted: true, status: 201 })
  })

  it('slow-answer: a client that gives up first never hears it, but the change happens', async () => {
    const before = await tagCount()
    sandbox().control.setFaults({ rules: [{ method: 'POST', path: '/tags', kind: 'slow-answer', ms: 300 }] })
    const gaveUp = new AbortController()
    const sent = postTagWith('Slow answer', gaveUp.signal)
    while (!sandbox().control.requestLog().some((e) => e.outcome === 'fault:slow-answer')) await new Promise((r) => setTimeout(r, 5))
    gaveUp.abort()
    await expect(sent).rejects.toThrow()
    expect(await tagCount()).toBe(before)
    while ((await tagCount()) === before) await new Promise((r) => setTimeout(r, 20))
    expect(lastEntry()).toMatchObject({ outcome: 'fault:slow-answer', acted: true, body: { title: 'Slow answer' } })
  })

  it.each([
    ['empty-page', (b: { data: unknown[]; meta: { total: number } }, total: number) => b.data.length === 0 && b.meta.total === total],
    ['empty-list', (b: { data: unknown[]; meta: { total: number; last_page: number } }) => b.data.length === 0 && b.meta.total === 0 && b.meta.last_page === 1],
    ['invalid-items', (b: { data: { id: unknown }[] }) => b.data.length > 0 && b.data.every((item) => item.id === null)],
  ] as const)('%s: a well-formed list answer that must not be taken at its word', async (kind, check) => {
    const whole = (await client(sandbox()).get('/contacts')).body
    sandbox().control.setFaults({ rules: [{ method: 'GET', path: '/contacts', kind }] })
    const faulty = (await client(sandbox()).get('/contacts')).body
    expect((check as (b: unknown, total: number) => boolean)(faulty, whole.meta.total)).toBe(true)
    expect(sandbox().control.requestLog().at(-1)).toMatchObject({ outcome: `fault:${kind}` })
    expect((await client(sandbox()).get('/contacts')).body.data.length).toBe(whole.data.length)
  })

  it('truncates file downloads too', async () => {
    const media = (await client(sandbox()).get('/media?type=image')).body.data[0]
    sandbox().control.setFaults({ rules: [{ path: /^\/storage\//, kind: 'truncate' }] })
    const res = await fetch(media.url)
    expect(res.headers.get('content-length')).toBe(String(media.file_size))
    await expect(res.arrayBuffer()).rejects.toThrow()
    expect((await (await fetch(media.url)).arrayBuffer()).byteLength).toBe(media.file_size)
  })

  it('status, rate-limit and latency rules; rules are consumed in order and `times` counts', async () => {
    const api = client(sandbox())
    const before = await tagCount()
    sandbox().control.setFaults({
      rules: [
        { method: 'POST', path: '/tags', kind: 'status', status: 503, times: 2 },
        { path: '/tags', kind: 'rate-limit', retryAfter: 2 },
        { path: '/account', kind: 'latency', ms: 150 },
      ],
    })
    for (let i = 0; i < 2; i++) {
      const res = await postTag('Never')
      expect(res.status).toBe(503)
      expect(await res.json()).toMatchObject({ success: false })
    }
    const limited = await api.get('/tags')
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('2')
    expect(limited.body).toMatchObject({ success: false, retry_after: 2 })
    const started = Date.now()
    expect((await api.get('/account')).status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(140)
    expect(sandbox().control.getFaults().rules).toEqual([])
    const outcomes = sandbox().control.requestLog().slice(-4).map((e) => e.outcome)
    expect(outcomes).toEqual(['fault:5xx', 'fault:5xx', 'rate-limited', 'ok'])
    expect(await tagCount()).toBe(before)
  })
})

describe('random faults', () => {
  it('follows the configured rates with a seeded sequence', async () => {
    const pattern = async () => {
      const sb = await startSandbox({ port: 0, seed: 21, rateLimit: { limit: 1000, windowMs: 60_000 } })
      try {
        await sb.control.setFaults({ errorRate: 0.5 })
        const statuses: number[] = []
        for (let i = 0; i < 20; i++) statuses.push((await client(sb).get('/account')).status)
        return statuses
      } finally {
        await sb.close()
      }
    }
    const first = await pattern()
    expect(new Set(first)).toEqual(new Set([200, 500]))
    expect(await pattern()).toEqual(first)
  })

  it('never faults the control routes; latencyMs delays every API request', async () => {
    const sb = sandbox()
    await sb.control.setFaults({ errorRate: 1, latencyMs: 50 })
    const started = Date.now()
    expect((await client(sb).get('/account')).status).toBe(500)
    expect(Date.now() - started).toBeGreaterThanOrEqual(45)
    expect((await fetch(`${sb.url}/__sandbox/accounts`)).status).toBe(200)
    await sb.control.clearFaults()
    expect((await client(sb).get('/account')).status).toBe(200)
  })
})

describe('offline', () => {
  it('refuses connections while offline and comes back on the same port', async () => {
    const sb = await startSandbox({ port: 0, seed: 8 })
    try {
      const api = client(sb)
      expect((await api.get('/account')).status).toBe(200)
      await sb.control.setOffline(true)
      const error = await api.get('/account').catch((e: Error & { cause?: { code?: string } }) => e)
      expect((error as Error & { cause?: { code?: string } }).cause?.code).toBe('ECONNREFUSED')
      await sb.control.setOffline(false)
      expect((await api.get('/account')).status).toBe(200)

      // Over HTTP, going offline says when to come back.
      const res = await fetch(`${sb.url}/__sandbox/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ offline: true, offlineForMs: 300 }) })
      expect(res.status).toBe(200)
      await new Promise((r) => setTimeout(r, 80))
      await expect(api.get('/account')).rejects.toThrow()
      await new Promise((r) => setTimeout(r, 400))
      expect((await api.get('/account')).status).toBe(200)
    } finally {
      await sb.close()
    }
  })
})

describe('request log', () => {
  it('records one entry per API request with what the server did', async () => {
    const sb = await startSandbox({ port: 0, seed: 8 })
    try {
      const api = client(sb)
      await api.get('/contacts?per_page=2&search=a')
      await fetch(`${sb.apiUrl}/account`)
      const created = await api.post('/tags', { title: 'Logged' })
      await api.post('/tags', { title: 'Logged' })
      await fetch(`${sb.url}/__sandbox/accounts`)
      const log = sb.control.requestLog()
      expect(log).toHaveLength(4)
      expect(log[0]).toEqual({
        seq: 1, at: expect.stringMatching(/Z$/), accountId: api.id, method: 'GET', path: '/api/v1/contacts',
        query: { per_page: '2', search: 'a' }, status: 200, outcome: 'ok', acted: false, body: null,
      })
      expect(log[1]).toMatchObject({ accountId: null, status: 401, outcome: 'unauthorized', acted: false })
      expect(log[2]).toMatchObject({ method: 'POST', status: 201, acted: true, body: { title: 'Logged' }, createdId: created.body.data.id })
      expect(log[3]).toMatchObject({ status: 422, acted: false })
      const viaHttp = await (await fetch(`${sb.url}/__sandbox/log`)).json() as { data: unknown[] }
      expect(viaHttp.data).toEqual(log)
      sb.control.clearLog()
      expect(sb.control.requestLog()).toEqual([])
    } finally {
      await sb.close()
    }
  })
})
