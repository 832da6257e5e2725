// Support tickets over real HTTP: the documented object, filters, create with the default
// department, the reply thread, close, support's answers from the control surface, faults
// and account isolation.
import { describe, expect, it } from 'vitest'
import { call, client, useSandbox } from './helpers'

const sandbox = useSandbox({ seed: 11, accounts: 2 })

type Ticket = { id: number; ticket_id: string; subject: string; status: string; priority: string; department: { id: number; title: string } | null; last_reply_at: string | null }

describe('tickets', () => {
  it('lists the documented ticket object, newest first, with status and priority filters', async () => {
    const api = client(sandbox())
    const list = await api.get('/tickets?per_page=100')
    expect(list.status).toBe(200)
    expect(list.body.meta).toMatchObject({ current_page: 1, per_page: 100 })
    const tickets = list.body.data as Ticket[]
    expect(tickets.length).toBeGreaterThanOrEqual(5)
    expect(Object.keys(tickets[0]!).sort()).toEqual(
      ['created_at', 'department', 'id', 'last_reply_at', 'priority', 'status', 'subject', 'ticket_id', 'updated_at'].sort(),
    )
    expect(tickets[0]!.ticket_id).toMatch(/^[A-Z0-9]{8}$/)
    expect(new Set(tickets.map((t) => t.status))).toEqual(new Set(['open', 'answered', 'closed']))
    expect(tickets.some((t) => /[\u0600-\u06FF]/.test(t.subject))).toBe(true)
    const created = tickets.map((t) => Date.parse((t as unknown as { created_at: string }).created_at))
    expect(created).toEqual([...created].sort((a, b) => b - a))
    const high = (await api.get('/tickets?priority=high')).body.data as Ticket[]
    expect(high.length).toBeGreaterThan(0)
    expect(high.every((t) => t.priority === 'high')).toBe(true)
    const closed = (await api.get('/tickets?status=closed')).body.data as Ticket[]
    expect(closed.every((t) => t.status === 'closed')).toBe(true)
    expect((await api.get('/tickets?status=pending')).status).toBe(422)
  })

  it('lists departments whole and creates a ticket in the first one when none is given', async () => {
    const api = client(sandbox())
    const departments = (await api.get('/tickets/departments')).body.data as { id: number; title: string }[]
    expect(departments.length).toBeGreaterThan(1)
    const made = await api.post('/tickets', { subject: 'Widget not loading', body: 'The chat widget is blank on Safari.' })
    expect(made.status).toBe(201)
    expect(made.body.data).toMatchObject({ subject: 'Widget not loading', priority: 'medium', status: 'open', department: departments[0] })
    expect(made.body.data.replies).toEqual([expect.objectContaining({ message: 'The chat widget is blank on Safari.', is_admin: false })])
    const chosen = await api.post('/tickets', { subject: 'فاتورة', body: 'نص', priority: 'high', department_id: departments[1]!.id })
    expect(chosen.body.data).toMatchObject({ priority: 'high', department: departments[1] })
    expect((await api.post('/tickets', { subject: 'x', body: 'y', department_id: 999_999 })).body.errors).toHaveProperty('department_id')
    expect((await api.post('/tickets', {})).body.errors).toEqual({
      subject: ['The subject field is required.'],
      body: ['The body field is required.'],
    })
    expect((await api.post('/tickets', { subject: 'x', body: 'y', priority: 'urgent' })).status).toBe(422)
  })

  it('keeps the reply thread: the account replies, support answers, close ends it', async () => {
    const sb = sandbox()
    const api = client(sb)
    const ticket = (await api.post('/tickets', { subject: 'Thread', body: 'First message' })).body.data
    const reply = await api.post(`/tickets/${ticket.id}/reply`, { message: 'More details' })
    expect(reply.status).toBe(201)
    expect(reply.body.data).toMatchObject({ message: 'More details', is_admin: false })
    // `body`, as create names the first message, is read too.
    expect((await api.post(`/tickets/${ticket.id}/reply`, { body: 'Also this' })).status).toBe(201)
    expect((await api.post(`/tickets/${ticket.id}/reply`, { message: '  ' })).status).toBe(422)

    const answered = sb.control.supportReply({ accountId: api.id, ticketId: ticket.id, message: 'Fixed on our side.' })
    expect(answered).toMatchObject({ ticketId: ticket.id, is_admin: true })
    const detail = (await api.get(`/tickets/${ticket.id}`)).body.data
    expect(detail.status).toBe('answered')
    expect(detail.replies.map((r: { message: string; is_admin: boolean }) => [r.message, r.is_admin])).toEqual([
      ['First message', false],
      ['More details', false],
      ['Also this', false],
      ['Fixed on our side.', true],
    ])
    expect(detail.last_reply_at).toBe(detail.replies.at(-1).created_at)

    const closed = await api.post(`/tickets/${ticket.id}/close`)
    expect(closed.body.data.status).toBe('closed')
    expect((await api.post(`/tickets/${ticket.id}/close`)).status).toBe(200)
    expect((await api.post(`/tickets/${ticket.id}/reply`, { message: 'again' })).status).toBe(422)
  })

  it('answers a ticket over the control routes', async () => {
    const sb = sandbox()
    const api = client(sb)
    const ticket = (await api.post('/tickets', { subject: 'Over HTTP', body: 'Hello' })).body.data
    const res = await fetch(`${sb.url}/__sandbox/ticket-reply`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ accountId: api.id, ticketId: ticket.id, message: 'مرحباً' }),
    })
    expect(res.status).toBe(200)
    expect((await api.get(`/tickets/${ticket.id}`)).body.data.replies.at(-1)).toMatchObject({ message: 'مرحباً', is_admin: true })
  })

  it('isolates accounts: another account’s ticket is not found', async () => {
    const sb = sandbox()
    const mine = (await client(sb, 0).get('/tickets?per_page=1')).body.data[0] as Ticket
    const other = client(sb, 1)
    expect((await other.get(`/tickets/${mine.id}`)).status).toBe(404)
    expect((await other.post(`/tickets/${mine.id}/reply`, { message: 'x' })).body).toMatchObject({ success: false, message: 'Ticket not found.' })
    expect((await other.post(`/tickets/${mine.id}/close`)).status).toBe(404)
    const theirs = (await other.get('/tickets?per_page=100')).body.data as Ticket[]
    expect(theirs.some((t) => t.id === mine.id)).toBe(false)
  })

  it('is subject to the injected faults like every route', async () => {
    const sb = sandbox()
    await sb.control.setFaults({ rules: [{ method: 'GET', path: '/tickets/departments', kind: 'status', status: 503, times: 1 }] })
    try {
      expect((await call(sb, sb.accounts[0]!.apiKey, 'GET', '/tickets/departments')).status).toBe(503)
      expect((await call(sb, sb.accounts[0]!.apiKey, 'GET', '/tickets/departments')).status).toBe(200)
    } finally {
      await sb.control.clearFaults()
    }
  })
})
