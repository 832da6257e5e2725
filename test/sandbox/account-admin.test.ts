// The account's administration endpoints over HTTP: team, webhooks, channels (QR and 2FA)
// and the account profile, as the docs' account, channels, team and webhooks pages show.
import { describe, expect, it } from 'vitest'
import { QR_SCAN_MS, QR_VALID_MS } from '../../src/sandbox/data/admin-model'
import { client, useSandbox } from './helpers'

let clock = Date.UTC(2026, 11, 2, 12)
const sandbox = useSandbox({ seed: 9, now: () => clock })
const DOCS_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000000Z$/

describe('team', () => {
  it('lists paged with a role filter, creates without keeping the password, updates, deletes', async () => {
    const api = client(sandbox())
    const listed = await api.get('/team')
    expect(listed.body.meta).toMatchObject({ current_page: 1, per_page: 15 })
    const admins = await api.get('/team?role=admin')
    expect(admins.body.data.every((m: { role: string }) => m.role === 'admin')).toBe(true)
    expect((await api.get('/team?role=owner')).status).toBe(422)

    const made = await api.post('/team', { name: 'ليلى الحسن', email: 'layla@example.com', role: 'agent', password: 'SecureP@ss1' })
    expect(made.status).toBe(201)
    expect(made.body.data).toEqual({
      id: expect.any(Number), name: 'ليلى الحسن', email: 'layla@example.com', role: 'agent', status: 'active',
      created_at: expect.stringMatching(DOCS_TIME), updated_at: expect.stringMatching(DOCS_TIME),
    })
    expect(JSON.stringify(sandbox().control.dump(api.id))).not.toContain('SecureP@ss1')
    const id = made.body.data.id
    expect((await api.put(`/team/${id}`, { role: 'admin', status: 'inactive' })).body.data).toMatchObject({ role: 'admin', status: 'inactive' })
    expect((await api.get(`/team/${id}`)).body.data.role).toBe('admin')
    expect((await api.del(`/team/${id}`)).status).toBe(204)
    expect((await api.get(`/team/${id}`)).body).toEqual({ success: false, message: 'Team member not found.' })
  })

  it('validates like Laravel and refuses a seat over the plan with its number', async () => {
    const api = client(sandbox())
    const bad = await api.post('/team', { name: '', email: 'nope', role: 'owner', password: 'short' })
    expect(bad.status).toBe(422)
    expect(Object.keys(bad.body.errors).sort()).toEqual(['email', 'name', 'password', 'role'])
    const existing = (await api.get('/team')).body.data[0]
    expect((await api.post('/team', { name: 'Dup', email: existing.email.toUpperCase(), role: 'agent', password: 'longenough' })).body.errors)
      .toEqual({ email: ['The email has already been taken.'] })
    const max = (await api.get('/account/subscription')).body.data.limits.team_members.max
    let answer
    for (let i = 0; i < max + 1; i++) {
      answer = await api.post('/team', { name: `Agent ${i}`, email: `agent${i}@example.com`, role: 'agent', password: 'longenough' })
      if (answer.status !== 201) break
    }
    expect(answer!.status).toBe(403)
    expect(answer!.body.message).toContain(String(max))
    const used = (await api.get('/account/subscription')).body.data.limits.team_members.used
    expect(used).toBe(max)
  })
})

describe('webhooks', () => {
  it('creates with the secret shown once, lists whole without it, updates, toggles, deletes', async () => {
    const api = client(sandbox())
    const made = await api.post('/webhooks', { name: 'Orders', url: 'https://example.com/hook', events: ['contact.created', 'message.received'] })
    expect(made.status).toBe(201)
    expect(made.body.data.secret).toMatch(/^whsec_[0-9a-f]{64}$/)
    expect(made.body.data).toMatchObject({ name: 'Orders', is_active: true, events: ['contact.created', 'message.received'], delivery_logs_count: 0 })
    const id = made.body.data.id
    const list = await api.get('/webhooks')
    expect(list.body.meta).toBeUndefined()
    expect(JSON.stringify(list.body)).not.toContain('whsec_')
    expect((await api.get(`/webhooks/${id}`)).body.data.secret).toBeUndefined()
    expect((await api.put(`/webhooks/${id}`, { is_active: false, events: ['channel.connected'] })).body.data).toMatchObject({ is_active: false, events: ['channel.connected'] })
    expect((await api.del(`/webhooks/${id}`)).status).toBe(204)
    expect((await api.get(`/webhooks/${id}`)).status).toBe(404)
  })

  it('refuses http:// URLs and unknown events with field errors', async () => {
    const api = client(sandbox())
    const bad = await api.post('/webhooks', { name: 'x', url: 'http://example.com', events: ['contact.created', 'nope.never'] })
    expect(bad.body.errors).toEqual({ url: ['The url field must start with https://.'], 'events.1': ['The selected events.1 is invalid.'] })
  })

  it('lists 30 events by group, sends a test that shows in the paged delivery log, rotates the secret', async () => {
    const api = client(sandbox())
    const events = (await api.get('/webhooks/events')).body.data as Record<string, string[]>
    expect(Object.values(events).flat()).toHaveLength(30)
    expect(Object.keys(events)).toHaveLength(9)
    const made = await api.post('/webhooks', { name: 'Test me', url: 'https://ok.example.com/h', events: ['contact.created'] })
    const id = made.body.data.id
    const test = await api.post(`/webhooks/${id}/test`)
    expect(test.body.data).toMatchObject({ event: 'webhook.test', response_status: 200, success: true })
    const log = await api.get(`/webhooks/${id}/deliveries`)
    expect(log.body.meta).toMatchObject({ total: 1 })
    expect(log.body.data[0]).toMatchObject({ id: test.body.data.id, payload: { event: 'webhook.test' } })
    const failing = await api.post('/webhooks', { name: 'Down', url: 'https://fail.example.com/h', events: ['contact.created'] })
    expect((await api.post(`/webhooks/${failing.body.data.id}/test`)).body.data).toMatchObject({ response_status: 500, success: false })
    const rotated = await api.post(`/webhooks/${id}/regenerate-secret`)
    expect(rotated.body.data.secret).toMatch(/^whsec_/)
    expect(rotated.body.data.secret).not.toBe(made.body.data.secret)
    const seeded = (await api.get('/webhooks')).body.data.find((w: { delivery_logs_count: number }) => w.delivery_logs_count > 2)
    const page = await api.get(`/webhooks/${seeded.id}/deliveries?per_page=2`)
    expect(page.body.data).toHaveLength(2)
    expect(page.body.data[0].created_at >= page.body.data[1].created_at).toBe(true)
  })

  it('keeps accounts apart', async () => {
    const mine = (await client(sandbox(), 0).get('/webhooks')).body.data[0].id
    expect((await client(sandbox(), 1).get(`/webhooks/${mine}`)).status).toBe(404)
    const member = (await client(sandbox(), 0).get('/team')).body.data[0].id
    expect((await client(sandbox(), 1).del(`/team/${member}`)).status).toBe(404)
  })
})

describe('channels', () => {
  it('connects WhatsApp by QR: 409 while connected, CONNECTING until scanned, then OK', async () => {
    const api = client(sandbox())
    expect((await api.post('/channels/whatsapp/connect')).status).toBe(409)
    const off = await api.post('/channels/whatsapp/disconnect')
    expect(off.body.data).toMatchObject({ type: 'whatsapp', is_connected: false, sync_status: 'STOPPED' })
    const qr = await api.post('/channels/whatsapp/connect')
    expect(qr.body.data).toEqual({ account_id: expect.stringMatching(/^wa_/), qr_code: expect.stringMatching(/^2@/) })
    const poll = () => api.get(`/channels/whatsapp/status?account_id=${qr.body.data.account_id}`)
    expect((await poll()).body.data).toMatchObject({ is_connected: false, sync_status: 'CONNECTING' })
    clock += QR_SCAN_MS
    expect((await poll()).body.data).toMatchObject({ is_connected: true, sync_status: 'OK' })
    expect((await api.get('/account/channels')).body.data.find((c: { type: string }) => c.type === 'whatsapp').is_connected).toBe(true)
    expect((await api.get('/channels/whatsapp/status?account_id=wa_unknown')).status).toBe(404)
  })

  it('fails a Telegram code nobody scans in time', async () => {
    const api = client(sandbox(), 1)
    await api.post('/channels/telegram/disconnect')
    const qr = await api.post('/channels/telegram/connect')
    expect(qr.body.data.qr_code).toMatch(/^tg:\/\/login\?token=/)
    clock += QR_VALID_MS + 1
    expect((await api.get(`/channels/telegram/status?account_id=${qr.body.data.account_id}`)).body.data).toMatchObject({ is_connected: false, sync_status: 'CREATION_FAIL' })
    expect((await api.post('/channels/telegram/refresh')).body.data.sync_status).toBe('CREATION_FAIL')
  })

  it('connects Instagram with a password then a 2FA code, with resend and a wrong code', async () => {
    const api = client(sandbox())
    expect((await api.post('/channels/instagram/connect', { username: 'shop' })).body.errors).toEqual({ password: ['The password field is required.'] })
    expect((await api.post('/channels/instagram/connect', { username: 'shop', password: 'bad' })).status).toBe(422)
    const started = await api.post('/channels/instagram/connect', { username: '@nakheel.shop', password: 'secret-pass' })
    expect(started.body.data).toEqual({ account_id: expect.stringMatching(/^ig_/), requires_2fa: true })
    const accountId = started.body.data.account_id
    expect((await api.get('/channels/instagram/status')).body.data.sync_status).toBe('CONNECTING')
    expect((await api.post('/channels/instagram/2fa/resend', { account_id: accountId })).status).toBe(200)
    expect((await api.post('/channels/instagram/2fa', { account_id: accountId, code: '000000' })).body.errors.code).toBeDefined()
    const done = await api.post('/channels/instagram/2fa', { account_id: accountId, code: '123456' })
    expect(done.body.data).toMatchObject({ type: 'instagram', username: 'nakheel.shop', is_connected: true, sync_status: 'OK' })
    expect((await api.post('/channels/instagram/2fa', { account_id: accountId, code: '123456' })).status).toBe(404)
    expect(JSON.stringify(sandbox().control.dump(api.id))).not.toContain('secret-pass')
  })
})

describe('account profile', () => {
  it('patches company name, address, timezone and country, and refuses an unknown timezone', async () => {
    const api = client(sandbox())
    const patched = await api.patch('/account', { company_name: 'نخيل التجارية', address: 'جدة', timezone: 'Europe/London', country_id: 233 })
    expect(patched.body.message).toBe('Account updated successfully.')
    expect((await api.get('/account')).body.data).toMatchObject({ company_name: 'نخيل التجارية', address: 'جدة', timezone: 'Europe/London', country: { id: 233 } })
    expect((await api.patch('/account', { timezone: 'Mars/Base' })).body.errors).toEqual({ timezone: ['The timezone field must be a valid timezone.'] })
  })
})
