// Web chat over real HTTP: the documented session object and filters, a session's
// messages, the hand-over life cycle (take over, reply, release, end) with its refusals,
// analytics per period, the visitor control route, faults and isolation.
import { describe, expect, it } from 'vitest'
import { client, useSandbox } from './helpers'

const sandbox = useSandbox({ seed: 13, accounts: 2 })
type Session = { session_id: string; status: string; handled_by: string; visitor_name: string | null; human_requested_at: string | null }

describe('web chat', () => {
  it('lists the documented session object, newest activity first, with status, handler and search filters', async () => {
    const api = client(sandbox())
    const sessions = (await api.get('/web-chat/sessions?per_page=100')).body.data as Session[]
    expect(Object.keys(sessions[0]!).sort()).toEqual(
      ['created_at', 'handled_by', 'has_visitor_messages', 'human_requested_at', 'human_took_over_at', 'last_activity_at', 'session_id', 'status',
        'visitor_email', 'visitor_ip', 'visitor_name', 'visitor_page_url', 'visitor_phone', 'visitor_referrer'].sort(),
    )
    expect(sessions[0]!.session_id).toMatch(/^sess_/)
    expect(new Set(sessions.map((s) => s.handled_by))).toEqual(new Set(['ai', 'human', 'pending']))
    expect(((await api.get('/web-chat/sessions?handled_by=pending')).body.data as Session[]).every((s) => s.handled_by === 'pending')).toBe(true)
    expect(((await api.get('/web-chat/sessions?status=ended')).body.data as Session[]).every((s) => s.status === 'ended')).toBe(true)
    expect(((await api.get('/web-chat/sessions?search=ahmad')).body.data as Session[]).map((s) => s.visitor_name)).toEqual(['Ahmad'])
    expect((await api.get('/web-chat/sessions?handled_by=robot')).status).toBe(422)
  })

  it('takes over, replies, releases and ends a session a visitor asked a human for; refuses what the state does not allow', async () => {
    const sb = sandbox()
    const api = client(sb)
    const asked = sb.control.visitorMessage({ accountId: api.id, askForHuman: true, message: 'I need a person' })
    expect(asked).toMatchObject({ handled_by: 'pending', status: 'active', human_requested_at: expect.any(String) })
    const path = `/web-chat/sessions/${asked.session_id}`
    expect((await api.post(`${path}/messages`, { message: 'too early' })).status).toBe(422)
    expect((await api.post(`${path}/release`)).status).toBe(422)
    expect((await api.post(`${path}/take-over`)).body.data).toMatchObject({ handled_by: 'human', human_took_over_at: expect.any(String) })
    expect((await api.post(`${path}/take-over`)).status).toBe(422)
    const sent = await api.post(`${path}/messages`, { message: 'مرحباً، كيف أساعدك؟' })
    expect(sent.status).toBe(201)
    expect(sent.body.data).toMatchObject({ sender_type: 'agent', message: 'مرحباً، كيف أساعدك؟' })
    const detail = (await api.get(path)).body.data
    expect(detail.messages.map((m: { sender_type: string }) => m.sender_type)).toEqual(['visitor', 'agent'])
    expect((await api.post(`${path}/release`)).body.data.handled_by).toBe('ai')
    expect((await api.post(`${path}/end`)).body.data.status).toBe('ended')
    expect((await api.post(`${path}/end`)).status).toBe(200)
    expect((await api.post(`${path}/take-over`)).status).toBe(422)
  })

  it('answers analytics per period with a chart series', async () => {
    const api = client(sandbox())
    for (const [period, buckets] of [['today', 24], ['week', 7], ['month', 30], ['year', 12]] as const) {
      const data = (await api.get(`/web-chat/analytics?period=${period}`)).body.data
      expect(data).toMatchObject({ total_chats: expect.any(Number), engaged_chats: expect.any(Number), avg_messages_per_chat: expect.any(Number), unique_visitors: expect.any(Number) })
      expect(data.chart_data.labels).toHaveLength(buckets)
      expect(data.chart_data.chats).toHaveLength(buckets)
    }
    expect((await api.get('/web-chat/analytics?period=decade')).status).toBe(422)
  })

  it('injects a visitor over the control routes, and isolates accounts', async () => {
    const sb = sandbox()
    const res = await fetch(`${sb.url}/__sandbox/web-chat/visitor`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ accountId: sb.accounts[0]!.id, askForHuman: true }),
    })
    const session = ((await res.json()) as { data: Session }).data
    expect(session.handled_by).toBe('pending')
    const other = client(sb, 1)
    expect((await other.get(`/web-chat/sessions/${session.session_id}`)).body).toMatchObject({ success: false, message: 'Session not found.' })
    expect((await other.post(`/web-chat/sessions/${session.session_id}/take-over`)).status).toBe(404)
    await sb.control.setFaults({ rules: [{ method: 'GET', path: '/web-chat/sessions', kind: 'status', status: 503, times: 1 }] })
    try {
      expect((await client(sb).get('/web-chat/sessions')).status).toBe(503)
    } finally {
      await sb.control.clearFaults()
    }
  })
})
