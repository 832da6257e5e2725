// @vitest-environment jsdom
// The Support, Bookings and web chat states against a fake bridge: the lists page through
// the core's own answers (payloads/desk-lists.json, recorded by
// test/core/desk-list-payloads.test.ts) with their true totals, a filter starts again from
// the top, and what sync tells (support answered, a visitor waits or wrote) is said in the
// live region and notified while the window is elsewhere. Commands the core does not allow
// are never sent; a ticket made here is followed to its server id; a week starts on Monday;
// times show both zones when they differ.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { BookingsState, bothZones, rangeBounds } from '../src/lib/state/bookings.svelte'
import { DeskState } from '../src/lib/state/desk.svelte'
import { TicketsState } from '../src/lib/state/tickets.svelte'
import { WebChatState } from '../src/lib/state/web-chat.svelte'
import { installFakeDesk, settle, type FakeDesk } from './fake-desk'
import recorded from './payloads/desk-lists.json'

/** The core's answer to a page of a recorded list (a page is the list's slice: checked where it is recorded). */
const pageOf = <L extends { items: unknown[] }>(list: L) => (input: { limit?: number; offset?: number }) => ({
  ...list,
  items: list.items.slice(input.offset ?? 0, (input.offset ?? 0) + (input.limit ?? 50)),
})

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
  it('pages through the sessions with the core’s total, and a filter starts from the top', async () => {
    const { sessions } = recorded.lists
    desk.handle('web-chat-sessions', pageOf(sessions))
    const state = new WebChatState({ pageSize: 2 })
    await state.reload()
    expect(state.items.map((s) => s.sessionId)).toEqual(sessions.items.slice(0, 2).map((s) => s.sessionId))
    expect([state.total, state.waiting, state.hasMore]).toEqual([sessions.total, sessions.waiting, true])
    while (state.hasMore) await state.loadMore()
    expect(state.items).toEqual(sessions.items)
    await state.setFilter({ handledBy: 'pending' })
    expect(desk.calls.at(-1)?.input).toEqual({ handledBy: 'pending', limit: 2, offset: 0 })
  })

  it('says what sync told — a visitor waits, a visitor wrote — in its live region (the shell notifies: attention-rules)', async () => {
    const app = new DeskState()
    const disconnect = app.connect()
    desk.emit('web-chat-waiting', recorded.events.webChatWaiting)
    expect(app.webChat.announcement).toBe('Nour is waiting for a person on the website chat.')
    desk.emit('web-chat-visitor-message', recorded.events.webChatVisitorMessage)
    expect(app.webChat.announcement).toBe('Nour wrote on the website chat: Are you still there?')
    await settle()
    // Not the page too: the shell already shows it, with the window closed as well.
    expect(desk.calls.some((c) => c.method === 'app-notify')).toBe(false)
    disconnect()
  })

  it('sends only what the session allows', async () => {
    desk.handle('web-chat-sessions', () => ({ items: [session('sess_a', 'ai')], total: 1, waiting: 0 }))
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
  it('pages through every ticket with the core’s total; a reload keeps the rows scrolled to', async () => {
    const { tickets } = recorded.lists
    desk.handle('tickets-list', pageOf(tickets))
    desk.handle('ticket-departments', () => ({ items: [] }))
    const state = new TicketsState({ pageSize: 2 })
    await state.reload()
    expect([state.items.length, state.total, state.hasMore]).toEqual([2, tickets.total, true])
    await state.loadMore()
    await state.reload()
    expect(state.items).toEqual(tickets.items.slice(0, 4))
    while (state.hasMore) await state.loadMore()
    expect(state.items).toEqual(tickets.items)
    desk.handle('tickets-list', pageOf(recorded.lists.answeredTickets))
    await state.setFilter({ status: 'answered' })
    expect(desk.calls.at(-1)?.input).toEqual({ status: 'answered', limit: 2, offset: 0 })
    expect(state.total).toBe(recorded.lists.answeredTickets.total)
  })

  it('says support’s answer as sync told it, in the window’s language', async () => {
    const app = new DeskState()
    const disconnect = app.connect()
    desk.emit('ticket-answered', recorded.events.ticketAnswered)
    await app.loadViews() // the tickets' state comes with the other views', fetched for the event
    expect(app.tickets.announcement).toBe(`Support answered “${recorded.events.ticketAnswered.subject}”.`)
    disconnect()
  })

  it('follows a ticket made here to its server id once sent', async () => {
    let items = [ticket(-1, 'open', '2026-12-02T10:00:00.000000Z')]
    desk.handle('tickets-list', () => ({ items, total: items.length }))
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
  it('pages through the range with the core’s total; a new range starts from the top', async () => {
    const { bookings } = recorded.lists
    desk.handle('bookings-list', pageOf(bookings))
    desk.handle('booking-options', () => ({ types: [], resources: [], timezone: null }))
    const state = new BookingsState({ pageSize: 5 })
    await state.show('list')
    expect([state.items.length, state.total, state.hasMore]).toEqual([5, bookings.total, true])
    while (state.hasMore) await state.loadMore()
    expect(state.items).toEqual(bookings.items)
    await state.show('week', Date.UTC(2026, 11, 2))
    expect(desk.calls.at(-1)?.input).toMatchObject({ limit: 5, offset: 0 })
    expect(desk.calls.at(-1)?.input).toHaveProperty('from')
  })

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
    desk.handle('bookings-list', () => ({ items: [booking], total: 1 }))
    desk.handle('booking-options', () => ({ types: [], resources: [], timezone: null }))
    const state = new BookingsState()
    await state.show('list')
    state.select(101)
    expect(await state.command('cancel')).toBe(false)
    expect(await state.reschedule('2026-12-11T10:00:00.000Z', null)).toBe(false)
    expect(desk.calls.some((c) => c.method === 'booking-command' || c.method === 'booking-reschedule')).toBe(false)
  })
})
