// The control surface over HTTP, dump(), determinism, and the bench preset.
import { describe, expect, it } from 'vitest'
import { type Sandbox, startSandbox } from '../../src/sandbox'
import { client, useSandbox } from './helpers'

const sandbox = useSandbox({ seed: 9 })

async function control(sb: Sandbox, method: string, path: string, body?: unknown) {
  const res = await fetch(`${sb.url}/__sandbox${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as { success: boolean; data: any; errors?: unknown } }
}

async function allPages(api: ReturnType<typeof client>, path: string) {
  const items: any[] = []
  for (let page = 1; ; page++) {
    const reply = await api.get(`${path}${path.includes('?') ? '&' : '?'}per_page=100&page=${page}`)
    items.push(...reply.body.data)
    if (page >= reply.body.meta.last_page) return items
  }
}

describe('control over HTTP', () => {
  it('drives the sandbox from another process', async () => {
    const sb = sandbox()
    const accounts = await control(sb, 'GET', '/accounts')
    expect(accounts.body.data).toEqual(sb.accounts.map((a) => ({ id: a.id, name: a.name, apiKey: a.apiKey, apiKeys: a.apiKeys })))
    const [first] = sb.accounts
    const api = client(sb)

    const contact = (await api.get('/contacts?type=telegram&per_page=1')).body.data[0]
    const inbound = await control(sb, 'POST', '/inbound', { accountId: first!.id, contactId: contact.id, content: 'From afar' })
    expect(inbound.body.data).toMatchObject({ contact_id: contact.id, direction: 'inbound', content: 'From afar' })
    expect((await api.get('/conversations?per_page=1')).body.data[0].contact_id).toBe(contact.id)

    const channel = await control(sb, 'POST', '/channels', { accountId: first!.id, type: 'telegram', connected: false })
    expect(channel.body.data).toMatchObject({ type: 'telegram', is_connected: false })
    expect((await api.post('/messages/send', { contact_id: contact.id, message: 'x' })).status).toBe(422)
    await control(sb, 'POST', '/channels', { accountId: first!.id, type: 'telegram', connected: true })
    const sent = (await api.post('/messages/send', { contact_id: contact.id, message: 'y' })).body.data
    expect((await control(sb, 'POST', '/advance', { messages: 2, campaigns: 1 })).body.data.messages).toBeGreaterThan(0)
    expect((await api.get(`/contacts/${contact.id}/messages`)).body.data[0]).toMatchObject({ id: sent.id, status: 'read' })

    await control(sb, 'POST', '/media-limit', { accountId: first!.id, max: 0 })
    const form = new FormData()
    form.append('file', new Blob([Buffer.from('gif')]), 'a.gif')
    expect((await fetch(`${sb.apiUrl}/media`, { method: 'POST', headers: { 'X-Api-Key': first!.apiKey }, body: form })).status).toBe(403)
    await control(sb, 'POST', '/media-limit', { accountId: first!.id, max: null })

    await control(sb, 'POST', '/faults', { rules: [{ method: 'GET', pathPattern: '^/api/v1/tags$', kind: 'status', status: 502 }] })
    expect((await api.get('/tags')).status).toBe(502)
    expect((await api.get('/tags')).status).toBe(200)
    await control(sb, 'POST', '/faults', { errorRate: 1 })
    expect((await control(sb, 'GET', '/faults')).body.data.errorRate).toBe(1)
    expect((await api.get('/tags')).status).toBe(500)
    await control(sb, 'DELETE', '/faults')
    expect((await api.get('/tags')).status).toBe(200)

    await control(sb, 'POST', '/rate-limit', { limit: 1, windowMs: 60_000 })
    await api.get('/tags')
    expect((await api.get('/tags')).status).toBe(429)
    await control(sb, 'POST', '/rate-limit', { limit: 100_000, windowMs: 60_000 })

    expect((await control(sb, 'GET', '/log')).body.data.length).toBeGreaterThan(0)
    await control(sb, 'DELETE', '/log')
    expect((await control(sb, 'GET', '/log')).body.data).toEqual([])

    const dump = await control(sb, 'GET', `/dump/${first!.id}`)
    expect(dump.body.data.account.id).toBe(first!.id)
    expect((await control(sb, 'POST', '/auto-advance', { messageMs: 50 })).status).toBe(200)
    expect((await control(sb, 'POST', '/auto-advance', { enabled: false })).status).toBe(200)
    expect((await control(sb, 'POST', '/channels', { accountId: first!.id, type: 'fax' })).status).toBe(422)
    expect((await control(sb, 'POST', '/faults', { offline: true })).status).toBe(422)
    expect((await control(sb, 'GET', '/nope')).status).toBe(404)
  })
})

describe('dump', () => {
  it('matches what the API returns, field for field', async () => {
    const sb = sandbox()
    const api = client(sb, 1)
    const dump = sb.control.dump(api.id)
    expect(dump.account).toEqual((await api.get('/account')).body.data)
    expect(dump.channels).toEqual((await api.get('/account/channels')).body.data)
    expect(dump.subscription).toEqual((await api.get('/account/subscription')).body.data)
    expect(dump.tags).toEqual((await api.get('/tags')).body.data)
    expect(dump.lists.map(({ member_ids, ...list }) => list)).toEqual((await api.get('/contacts/lists')).body.data)
    expect(dump.segments.map(({ member_ids, ...s }) => s)).toEqual((await api.get('/contacts/segments')).body.data)
    const contacts = (await allPages(api, '/contacts')).sort((a, b) => a.id - b.id)
    expect(dump.contacts.map(({ notes, ...c }) => c)).toEqual(contacts)
    const noted = dump.contacts.find((c) => c.notes.length > 0)!
    expect(noted.notes).toEqual((await api.get(`/contacts/${noted.id}/notes`)).body.data)
    expect(dump.conversations).toEqual(await allPages(api, '/conversations'))
    const someone = dump.conversations[0]!.contact_id
    expect(dump.messages[someone]).toEqual((await allPages(api, `/contacts/${someone}/messages`)).reverse())
    expect(dump.media).toEqual(await allPages(api, '/media'))
    const campaigns = (await allPages(api, '/campaigns')).sort((a, b) => a.id - b.id)
    expect(dump.campaigns.map(({ contacts: _, ...c }) => c)).toEqual(campaigns)
    expect(dump.campaigns[0]!.contacts).toEqual(await allPages(api, `/campaigns/${campaigns[0].id}/contacts`))
    const list = dump.lists.find((l) => l.member_ids.length > 0)!
    expect(list.member_ids).toEqual((await allPages(api, `/contacts/lists/${list.id}/members`)).map((m) => m.id))
  })
})

describe('generated data', () => {
  const normalise = (sb: Sandbox, id: number) => JSON.parse(JSON.stringify(sb.control.dump(id)).replaceAll(sb.url, 'ORIGIN'))

  it('is the same for the same seed, different for another seed and between accounts', async () => {
    const [a, b, c] = await Promise.all([startSandbox({ seed: 42 }), startSandbox({ seed: 42 }), startSandbox({ seed: 43 })])
    try {
      expect(a.accounts.map((x) => x.apiKey)).toEqual(b.accounts.map((x) => x.apiKey))
      expect(normalise(a, a.accounts[0]!.id)).toEqual(normalise(b, b.accounts[0]!.id))
      expect(normalise(a, a.accounts[1]!.id)).toEqual(normalise(b, b.accounts[1]!.id))
      expect(normalise(a, a.accounts[0]!.id).contacts).not.toEqual(normalise(c, c.accounts[0]!.id).contacts)
      const [one, two] = a.accounts.map((x) => normalise(a, x.id))
      expect(one.contacts.map((x: { name: string }) => x.name)).not.toEqual(two.contacts.map((x: { name: string }) => x.name))
      expect(a.accounts[0]!.apiKey).not.toBe(a.accounts[1]!.apiKey)
    } finally {
      await Promise.all([a.close(), b.close(), c.close()])
    }
  })

  it('mixes Arabic and English names, emoji and missing optional fields', () => {
    const dump = sandbox().control.dump(sandbox().accounts[0]!.id)
    const text = JSON.stringify(dump.contacts.map((c) => c.name)) + JSON.stringify(dump.messages)
    expect(text).toMatch(/[\u0600-\u06FF]/)
    expect(text).toMatch(/[A-Za-z]/)
    expect(text).toMatch(/\p{Extended_Pictographic}/u)
    expect(dump.contacts.some((c) => c.blacklisted)).toBe(true)
    expect(dump.media.some((m) => m.metadata === null)).toBe(true)
    expect(dump.lists.some((l) => l.contacts_count > 0)).toBe(true)
  })

  it('builds the bench preset in a few seconds and keeps lists quick', async () => {
    const started = performance.now()
    const sb = await startSandbox({ size: 'bench', seed: 1, rateLimit: { limit: 100_000, windowMs: 60_000 } })
    const generationMs = performance.now() - started
    try {
      const api = client(sb)
      const dump = sb.control.dump(api.id)
      const messages = Object.values(dump.messages).reduce((n, list) => n + list.length, 0)
      expect(dump.contacts.length).toBeGreaterThanOrEqual(10_000)
      expect(dump.conversations.length).toBeGreaterThanOrEqual(2_000)
      expect(messages).toBeGreaterThanOrEqual(100_000)
      expect(dump.media.length).toBeGreaterThanOrEqual(1_000)
      const t = performance.now()
      for (const path of ['/contacts?page=50', '/conversations?page=100', '/media?page=30', '/contacts?search=sarah', '/campaigns']) {
        expect((await api.get(path)).status).toBe(200)
      }
      const listMs = performance.now() - t
      // Figures for the reader; a busy machine must not fail the test for being slow.
      console.log(`bench: generated in ${generationMs.toFixed(0)} ms, five list requests in ${listMs.toFixed(0)} ms, ${messages} messages`)
    } finally {
      await sb.close()
    }
  })
})

describe('who may use the control routes', () => {
  const get = (sb: Sandbox, path: string, headers: Record<string, string> = {}) => fetch(`${sb.url}/__sandbox${path}`, { headers })

  it('"api-key" asks for one of the sandbox’s keys, as a Bearer token or X-Api-Key', async () => {
    const sb = await startSandbox({ port: 0, seed: 9, accounts: 1, controlRoutes: 'api-key' })
    try {
      const key = sb.accounts[0]!.apiKey
      for (const headers of [{}, { Authorization: 'Bearer sk_test_nope' }, { Authorization: `Basic ${key}` }] as Record<string, string>[]) {
        const refused = await get(sb, '/accounts', headers)
        expect(refused.status).toBe(401)
        expect(await refused.json()).toEqual({ success: false, message: 'Unauthenticated. Please provide a valid API key.' })
      }
      const posted = await fetch(`${sb.url}/__sandbox/advance`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"messages":1}' })
      expect(posted.status).toBe(401)
      expect((await get(sb, '/accounts', { Authorization: `Bearer ${key}` })).status).toBe(200)
      expect((await get(sb, '/log', { 'X-Api-Key': key })).status).toBe(200)
    } finally {
      await sb.close()
    }
  })

  it('"off" does not mount them; the API and the in-process control still work', async () => {
    const sb = await startSandbox({ port: 0, seed: 9, accounts: 1, controlRoutes: 'off' })
    try {
      const key = sb.accounts[0]!.apiKey
      for (const path of ['/accounts', '/log', '/faults', `/dump/${sb.accounts[0]!.id}`]) {
        const res = await get(sb, path, { Authorization: `Bearer ${key}` })
        expect(res.status, path).toBe(404)
        expect(JSON.stringify(await res.json())).not.toContain(key)
      }
      expect((await fetch(`${sb.url}/__sandbox/faults`, { method: 'POST', body: '{"errorRate":1}' })).status).toBe(404)
      expect((await client(sb).get('/account')).status).toBe(200)
      expect(sb.control.requestLog()).toHaveLength(1)
    } finally {
      await sb.close()
    }
  })
})
