// @vitest-environment jsdom
// The Support, Bookings and web chat states against a fake bridge, with payloads in the
// contract's shapes: a visitor who starts waiting is announced once; commands the core does
// not allow are never sent; support's answer is announced; a ticket made here is followed
// to its server id; a week starts on Monday; times show both zones when they differ.
import { beforeEach, describe, expect, it } from 'vitest'
import { BookingsState, bothZones, rangeBounds } from '../src/lib/state/bookings.svelte'
import { TicketsState } from '../src/lib/state/tickets.svelte'
import { WebChatState } from '../src/lib/state/web-chat.svelte'
import { installFakeDesk, type FakeDesk } from './fake-desk'

let desk: FakeDesk
beforeEach(() => {
  desk = installFakeDesk()
})

const allowedFor = (status: string, handledBy: string) => ({
  takeOver: status === 'active' && handledBy !== 'human',
  reply: status === 'active' && handledBy === 'human',
  release: status === 'active' && handledBy === 'human',
  end: status === 'active',
})
const session = (sessionId: string, handledBy: string, status = 'active') => ({
  sessionId,
  status,
  handledBy,
  visitorName: sessionId === 'sess_b' ? 'Layla' : null,
  visitorEmail: null,
  visitorPhone: null,
  pageUrl: 'https://shop.example.com/',
  referrer: null,
  humanRequestedAt: null,
  lastActivityAt: '2026-12-02T10:00:00.000000Z',
  waiting: status === 'active' && handledBy === 'pending',
  pending: false,
  allowed: allowedFor(status, handledBy),
})

describe('WebChatState', () => {
  it('announces a visitor who starts waiting, not the ones waiting at first load', async () => {
    let items = [session('sess_a', 'pending')]
    desk.handle('web-chat-sessions', () => ({ items, waiting: items.filter((s) => s.waiting).length }))
    const state = new WebChatState()
    await state.reload()
    expect(state.announcement).toBe('')
    items = [session('sess_b', 'pending'), ...items]
    await state.reload()
    expect(state.waiting).toBe(2)
    expect(state.announcement).toBe('Layla is waiting for a person on the website chat.')
  })

  it('sends only what the session allows', async () => {
    desk.handle('web-chat-sessions', () => ({ items: [session('sess_a', 'ai')], waiting: 0 }))
    desk.handle('web-chat-session', () => ({ ...session('sess_a', 'ai'), messages: [] }))
    desk.handle('web-chat-command', () => ({ actionId: '1' }))
    const state = new WebChatState()
    await state.open('sess_a')
    expect(await state.command('release')).toBe(false)
    expect(await state.reply('hello')).toBe(false)
    expect(await state.command('take-over')).toBe(true)
    expect(desk.calls.filter((c) => c.method.startsWith('web-chat-command') || c.method === 'web-chat-reply')).toEqual([
      { method: 'web-chat-command', input: { sessionId: 'sess_a', command: 'take-over' } },
    ])
  })
})

const ticket = (id: number, status: string, lastReplyAt: string) => ({
  id,
  reference: id > 0 ? 'ABX9Y2KL' : null,
  subject: 'Widget blank',
  priority: 'medium',
  status,
  departmentId: 1,
  departmentTitle: 'Billing',
  lastReplyAt,
  createdAt: lastReplyAt,
  pending: id < 0,
})

describe('TicketsState', () => {
  it('announces support’s answer, even within the second of the last reply', async () => {
    let items = [ticket(14, 'open', '2026-12-02T10:00:00.000000Z')]
    desk.handle('tickets-list', () => ({ items }))
    desk.handle('ticket-departments', () => ({ items: [{ id: 1, title: 'Billing' }] }))
    const state = new TicketsState()
    await state.reload()
    items = [ticket(14, 'answered', '2026-12-02T10:00:00.000000Z')]
    await state.reload()
    expect(state.announcement).toBe('Support answered “Widget blank”.')
  })

  it('follows a ticket made here to its server id once sent', async () => {
    let items = [ticket(-1, 'open', '2026-12-02T10:00:00.000000Z')]
    desk.handle('tickets-list', () => ({ items }))
    desk.handle('ticket-departments', () => ({ items: [] }))
    desk.handle('ticket-create', () => ({ actionId: '1', localId: -1 }))
    desk.handle('ticket-get', (input: { id: number }) => {
      const found = items.find((t) => t.id === input.id)
      if (!found) throw Object.assign(new Error('gone'), { type: 'not-found' })
      return { ...found, replies: [], allowed: { reply: true, close: true } }
    })
    const state = new TicketsState()
    expect(await state.create({ subject: 'Widget blank', body: 'Help', priority: 'medium', departmentId: null })).toBe(true)
    expect(state.selectedId).toBe(-1)
    // Sent: the local id answers not-found, the list has the ticket under its server id.
    items = [ticket(14, 'open', '2026-12-02T10:00:00.000000Z')]
    await state.loadTicket()
    expect(state.selectedId).toBe(14)
    expect(state.ticket?.reference).toBe('ABX9Y2KL')
  })
})

describe('bookings', () => {
  it('a week starts on Monday and lasts seven days; a day is one day', () => {
    const wednesday = new Date(2026, 11, 2, 15, 30).getTime()
    const week = rangeBounds('week', wednesday)!
    expect(new Date(week.from).getDay()).toBe(1)
    expect(new Date(week.from).getDate()).toBe(30)
    expect(Math.round((week.to - week.from) / 86_400_000)).toBe(7)
    const day = rangeBounds('day', wednesday)!
    expect(new Date(day.from).getHours()).toBe(0)
    expect(rangeBounds('list', wednesday)).toBeNull()
  })

  it('shows the account’s zone and the computer’s when they differ', () => {
    const iso = '2026-12-06T11:00:00.000Z'
    expect(bothZones(iso, 'Asia/Riyadh', 'UTC')).toMatch(/\(Asia\/Riyadh\) · .* here$/)
    expect(bothZones(iso, 'UTC', 'UTC')).not.toMatch(/here/)
  })

  it('never sends a command the booking does not allow', async () => {
    const booking = {
      id: 101, contactId: 42, contactName: 'Sarah', typeId: 3, typeName: 'Consultation', resourceId: 1, resourceName: 'Room',
      title: 'Consultation – Sarah', startsAt: '2026-12-10T14:00:00.000Z', endsAt: null, status: 'cancelled', notes: null, pending: false,
      allowed: { confirm: false, complete: false, cancel: false, reschedule: false },
    }
    desk.handle('bookings-list', () => ({ items: [booking] }))
    desk.handle('booking-options', () => ({ types: [], resources: [], timezone: null }))
    const state = new BookingsState()
    await state.show('list')
    state.select(101)
    expect(await state.command('cancel')).toBe(false)
    expect(await state.reschedule('2026-12-11T10:00:00.000Z', null)).toBe(false)
    expect(desk.calls.some((c) => c.method === 'booking-command' || c.method === 'booking-reschedule')).toBe(false)
  })
})
