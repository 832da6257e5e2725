// Envelope, pagination, auth, rate limiting, isolation and error shapes.
import { describe, expect, it } from 'vitest'
import { startSandbox } from '../../src/sandbox'
import { call, client, useSandbox } from './helpers'

const sandbox = useSandbox({ seed: 3 })

describe('envelope and pagination', () => {
  it('wraps lists in {success, data, meta} with Laravel meta', async () => {
    const api = client(sandbox())
    const page = await api.get('/contacts')
    expect(page.status).toBe(200)
    expect(page.body.success).toBe(true)
    expect(page.body.data).toHaveLength(15)
    expect(page.body.meta).toEqual({ current_page: 1, last_page: 3, per_page: 15, total: 40 })
    const contact = page.body.data[0]
    expect(Object.keys(contact)).toEqual(expect.arrayContaining(['id', 'name', 'email', 'phone', 'type', 'status', 'blacklisted', 'tags', 'last_message_at', 'created_at', 'updated_at']))
    expect(contact.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/)
  })

  it('caps per_page at the maximum and gives empty data past the last page', async () => {
    const api = client(sandbox())
    expect((await api.get('/contacts?per_page=500')).body.meta).toMatchObject({ per_page: 100, last_page: 1 })
    const past = await api.get('/contacts?page=9')
    expect(past.body.data).toEqual([])
    expect(past.body.meta).toMatchObject({ current_page: 9, last_page: 3, total: 40 })
    expect((await api.get('/contacts?per_page=abc&page=-2')).body.meta).toMatchObject({ current_page: 1, per_page: 15 })
  })

  it('pages walk every item exactly once', async () => {
    const api = client(sandbox())
    const ids: number[] = []
    for (let page = 1; page <= 3; page++) ids.push(...(await api.get(`/contacts?page=${page}`)).body.data.map((c: { id: number }) => c.id))
    expect(new Set(ids).size).toBe(40)
    expect([...ids].sort((a, b) => b - a)).toEqual(ids)
  })

  it('uses the documented defaults per resource', async () => {
    const api = client(sandbox())
    expect((await api.get('/conversations')).body.meta.per_page).toBe(15)
    expect((await api.get('/media')).body.meta.per_page).toBe(25)
    expect((await api.get('/campaigns')).body.meta.per_page).toBe(25)
    expect((await api.get('/media?per_page=1000')).body.meta.per_page).toBe(100)
    // Tags, lists and segments come whole, without meta.
    const tags = await api.get('/tags')
    expect(tags.body.meta).toBeUndefined()
    expect(tags.body.data[0]).toEqual({ id: expect.any(Number), title: expect.any(String), contacts_count: expect.any(Number), created_at: expect.any(String) })
  })
})

describe('timestamps', () => {
  const DOCS_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000000Z$/
  function timesIn(value: unknown, out: string[] = []): string[] {
    if (Array.isArray(value)) for (const v of value) timesIn(v, out)
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (/(^|_)at$/.test(k) && v !== null) out.push(String(v))
        else timesIn(v, out)
      }
    }
    return out
  }

  it('are in the docs\' form, whole seconds, everywhere the sandbox emits one', async () => {
    const sb = sandbox()
    const api = client(sb)
    sb.control.setChannelConnected(api.id, 'whatsapp', true)
    const contact = (await api.get('/contacts?type=whatsapp&per_page=1')).body.data[0]
    const campaign = (await api.get('/campaigns')).body.data[0]
    const bodies = [
      (await api.post('/messages/send', { contact_id: contact.id, message: 'What time is it?' })).body,
      (await api.post(`/contacts/${contact.id}/notes`, { note: 'Called back' })).body,
      ...await Promise.all([
        '/account', '/account/subscription', '/account/channels', '/contacts?per_page=100', `/contacts/${contact.id}`,
        `/contacts/${contact.id}/notes`, `/contacts/${contact.id}/messages?per_page=100`, '/conversations?per_page=100',
        '/tags', '/contacts/lists', '/contacts/segments', '/media?per_page=100', '/campaigns?per_page=100',
        `/campaigns/${campaign.id}/contacts?per_page=100`,
      ].map(async (path) => (await api.get(path)).body)),
      sb.control.dump(api.id),
      sb.control.requestLog(),
      sb.control.injectInbound({ accountId: api.id }),
    ]
    const times = timesIn(bodies)
    expect(times.length).toBeGreaterThan(500)
    expect(times.filter((t) => !DOCS_TIME.test(t))).toEqual([])
  })
})

describe('authentication', () => {
  it('accepts X-Api-Key and Authorization: Bearer alike', async () => {
    const sb = sandbox()
    const key = sb.accounts[0]!.apiKey
    expect(key).toMatch(/^sk_test_\w{40}$/)
    const viaHeader = await call(sb, key, 'GET', '/account')
    const viaBearer = await call(sb, null, 'GET', '/account', undefined, { Authorization: `Bearer ${key}` })
    expect(viaHeader.status).toBe(200)
    expect(viaBearer.body).toEqual(viaHeader.body)
    expect(viaHeader.body.data).toMatchObject({ id: sb.accounts[0]!.id, company_name: expect.any(String), timezone: expect.any(String) })
  })

  it('answers 401 without a key or with a wrong one', async () => {
    const sb = sandbox()
    const attempts: Record<string, string>[] = [{}, { 'X-Api-Key': 'sk_test_nope' }, { Authorization: 'Bearer sk_test_nope' }, { Authorization: 'Basic abc' }]
    for (const headers of attempts) {
      const reply = await call(sb, null, 'GET', '/contacts', undefined, headers)
      expect(reply.status).toBe(401)
      expect(reply.body).toEqual({ success: false, message: 'Unauthenticated. Please provide a valid API key.' })
      expect(reply.headers.get('x-ratelimit-limit')).not.toBeNull()
    }
  })
})

describe('errors', () => {
  it('gives JSON 404s for unknown routes and missing records, 405 for a wrong method', async () => {
    const api = client(sandbox())
    expect(await api.get('/nope')).toMatchObject({ status: 404, body: { success: false } })
    expect(await api.get('/contacts/999999')).toMatchObject({ status: 404, body: { success: false, message: 'Contact not found.' } })
    expect(await api.get('/campaigns/999999')).toMatchObject({ status: 404, body: { message: 'Campaign not found.' } })
    expect((await api.get('/contacts/segments/1')).status).toBe(405) // the docs list no GET for one segment
    const res = await fetch(`${sandbox().url}/elsewhere`)
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({ success: false })
  })

  it('answers 400 JSON for a malformed body and Laravel 422s for invalid data', async () => {
    const sb = sandbox()
    const api = client(sb)
    const bad = await call(sb, api.key, 'POST', '/tags', '{"title": ', { 'Content-Type': 'application/json' })
    expect(bad.status).toBe(400)
    expect(bad.body.success).toBe(false)
    const invalid = await api.post('/contacts', { email: 'not-an-email', phone: '12', type: 'fax' })
    expect(invalid.status).toBe(422)
    expect(invalid.body).toEqual({
      success: false,
      message: 'The given data was invalid.',
      errors: {
        name: ['The name field is required.'],
        email: ['The email field must be a valid email address.'],
        phone: ['The phone must be a valid phone number.'],
        type: ['The selected type is invalid.'],
      },
    })
    expect((await api.get('/contacts?type=fax')).status).toBe(422)
  })

  it('answers DELETE with 204 and no body', async () => {
    const api = client(sandbox())
    const tag = await api.post('/tags', { title: 'Temporary' })
    const res = await fetch(`${sandbox().apiUrl}/tags/${tag.body.data.id}`, { method: 'DELETE', headers: { 'X-Api-Key': api.key } })
    expect(res.status).toBe(204)
    expect(await res.text()).toBe('')
  })
})

describe('isolation between accounts', () => {
  it('never shows or touches another account’s records', async () => {
    const sb = sandbox()
    const a = client(sb, 0)
    const b = client(sb, 1)
    const bContact = (await b.get('/contacts')).body.data[0]
    const bMedia = (await b.get('/media')).body.data[0]
    const bCampaign = (await b.get('/campaigns')).body.data[0]
    const bTag = (await b.get('/tags')).body.data[0]
    const bList = (await b.get('/contacts/lists')).body.data[0]
    for (const path of [`/contacts/${bContact.id}`, `/media/${bMedia.id}`, `/campaigns/${bCampaign.id}`, `/tags/${bTag.id}`, `/contacts/lists/${bList.id}`, `/contacts/${bContact.id}/messages`]) {
      expect((await a.get(path)).status, path).toBe(404)
    }
    expect((await a.del(`/contacts/${bContact.id}`)).status).toBe(404)
    expect((await a.put(`/media/${bMedia.id}`, { name: 'mine now' })).status).toBe(404)
    expect((await a.post('/messages/send', { contact_id: bContact.id, message: 'hi' })).status).toBe(404)
    expect((await b.get(`/contacts/${bContact.id}`)).status).toBe(200)

    const aIds = new Set((await a.get('/contacts?per_page=100')).body.data.map((c: { id: number }) => c.id))
    const bIds = (await b.get('/contacts?per_page=100')).body.data.map((c: { id: number }) => c.id)
    expect(bIds.some((id: number) => aIds.has(id))).toBe(false)
    expect((await a.get(`/contacts?search=${encodeURIComponent(bContact.name)}`)).body.data.every((c: { id: number }) => aIds.has(c.id))).toBe(true)
    expect((await a.get('/account')).body.data.id).not.toBe((await b.get('/account')).body.data.id)
  })
})

describe('rate limit', () => {
  it('counts a fixed window per key, with the docs\' headers, and gives a whole window back after a 429', async () => {
    const sb = await startSandbox({ port: 0, rateLimit: { limit: 5, windowMs: 60_000 } })
    try {
      const api = client(sb)
      const before = Date.now()
      const replies = []
      for (let i = 0; i < 5; i++) replies.push(await api.get('/tags'))
      expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200, 200])
      expect(replies.map((r) => r.headers.get('x-ratelimit-limit'))).toEqual(['5', '5', '5', '5', '5'])
      expect(replies.map((r) => r.headers.get('x-ratelimit-remaining'))).toEqual(['4', '3', '2', '1', '0'])
      // X-RateLimit-Reset: the unix time the window resets, the same for every request in it.
      const resets = new Set(replies.map((r) => r.headers.get('x-ratelimit-reset')))
      expect(resets.size).toBe(1)
      const reset = Number([...resets][0])
      expect(reset).toBeGreaterThanOrEqual(Math.floor((before + 60_000) / 1000))
      expect(reset).toBeLessThanOrEqual(Math.ceil((Date.now() + 60_000) / 1000))

      const refused = await api.get('/tags')
      expect(refused.status).toBe(429)
      const retryAfter = Number(refused.headers.get('retry-after'))
      expect(refused.body).toEqual({ success: false, message: 'Too many requests. Please slow down.', retry_after: retryAfter })
      expect(retryAfter).toBeGreaterThan(50)
      expect(retryAfter).toBeLessThanOrEqual(60)
      expect(refused.headers.get('x-ratelimit-remaining')).toBe('0')
      expect(refused.headers.get('x-ratelimit-reset')).toBe(String(reset))
      // The other account has its own window.
      expect((await client(sb, 1).get('/tags')).headers.get('x-ratelimit-remaining')).toBe('4')
      expect(sb.control.requestLog().filter((e) => e.outcome === 'rate-limited')).toHaveLength(1)
    } finally {
      await sb.close()
    }
  })

  it('keeps the --rate-limit window length: a short window opens again whole once it has passed', async () => {
    const sb = await startSandbox({ port: 0, rateLimit: { limit: 3, windowMs: 300 } })
    try {
      const api = client(sb)
      let reply = await api.get('/tags')
      while (reply.status === 200) reply = await api.get('/tags')
      expect(reply.status).toBe(429)
      const reset = Number(reply.headers.get('x-ratelimit-reset')) * 1000
      await new Promise((r) => setTimeout(r, Math.max(0, reset - Date.now()) + 20))
      const again = [await api.get('/tags'), await api.get('/tags'), await api.get('/tags')]
      expect(again.map((r) => r.status)).toEqual([200, 200, 200])
      expect(again.map((r) => r.headers.get('x-ratelimit-remaining'))).toEqual(['2', '1', '0'])
    } finally {
      await sb.close()
    }
  })
})
