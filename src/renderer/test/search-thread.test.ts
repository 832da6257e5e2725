// @vitest-environment jsdom
// Search and the thread on the core's own answers (a real store read through the core's
// handlers): a true count and paging through every hit, filters, hits kept to their lines;
// a thread's grouped times, day separators, "Jump to latest" and the contact beside it.
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { upsertContacts, upsertMessages } from '../../main/core/store'
import { seedAccount } from '../../../test/core/store/fixtures'
import { apiContact, apiMessage, at } from '../../../test/core/store/helpers'
import CommandPalette from '../src/components/frame/CommandPalette.svelte'
import SearchResults from '../src/components/inbox/SearchResults.svelte'
import Thread from '../src/components/inbox/Thread.svelte'
import ThreadContact from '../src/components/inbox/ThreadContact.svelte'
import { call } from '../src/lib/desk'
import { DeskState, deskContextKey } from '../src/lib/state/desk.svelte'
import { SearchState } from '../src/lib/state/search.svelte'
import { ThreadState } from '../src/lib/state/thread.svelte'
import { threadRows } from '../src/lib/thread-rows'
import { clockTime, dayKey, dayLabel, dayStartMs, zonedShortTime } from '../src/lib/zoned-time'
import { openCoreStore, serveFromCore, type CoreStore } from '../../../test/support/core-store'
import { installFakeDesk, settle, type FakeDesk } from './fake-desk'

let fake: FakeDesk
let core: CoreStore
beforeEach(() => {
  fake = installFakeDesk()
  core = openCoreStore()
  seedAccount(core.store.db)
  serveFromCore(fake, core, ['search', 'search-count', 'thread-page', 'conversations-page', 'contact-get'])
})
afterEach(() => {
  cleanup()
  core.close()
})

/** 130 messages with "invoice", one an hour: 70 with contact 1 (WhatsApp), 30 with 2 (Instagram), 30 with 3 (Telegram). */
function seedInvoices(): void {
  for (const contactId of [1, 2, 3]) {
    const page = Array.from({ length: contactId === 1 ? 70 : 30 }, (_, i) =>
      apiMessage({ id: contactId * 10_000 + i, contact_id: contactId, direction: 'inbound', content: `invoice ${i}\nsecond line`, sent_at: at(i * 60), created_at: at(i * 60) }),
    )
    upsertMessages(core.store.db, contactId, page)
  }
}

describe('search on the core’s answers', () => {
  it('counts every hit and pages through all of them, not a first page of 50', async () => {
    seedInvoices()
    const search = new SearchState()
    search.setQuery('invoice')
    await vi.waitFor(() => expect(search.total).toBe(130))
    expect(search.messages).toHaveLength(50)
    expect(search.hasMore).toBe(true)
    await search.loadMore()
    await search.loadMore()
    expect(new Set(search.messages.map((m) => m.rowId)).size).toBe(130)
    expect(search.hasMore).toBe(false)
    // The store changes (a sync): every hit shown is read again, the list does not fall back to a page.
    upsertMessages(core.store.db, 2, [apiMessage({ id: 99_001, contact_id: 2, direction: 'inbound', content: 'invoice again', sent_at: at(5000) })])
    await search.refresh()
    expect(search.messages).toHaveLength(130)
    expect(search.hasMore).toBe(true)
    await vi.waitFor(() => expect(search.total).toBe(131))
    await search.loadMore()
    expect(search.messages).toHaveLength(131)
    // A search whose hits fit one page counts them itself: no count is asked.
    const asked = fake.calls.filter((c) => c.method === 'search-count').length
    search.setQuery('cafe')
    await vi.waitFor(() => expect(search.total).toBe(2))
    expect(fake.calls.filter((c) => c.method === 'search-count')).toHaveLength(asked)
  })

  it('filters by channel, contact and days in the account’s timezone', async () => {
    seedInvoices()
    const search = new SearchState(() => 'Asia/Riyadh')
    search.setQuery('invoice')
    search.setFilters({ channel: 'whatsapp' })
    await vi.waitFor(() => expect(search.total).toBe(70))
    expect(new Set(search.messages.map((m) => m.channel))).toEqual(new Set(['whatsapp']))
    search.setFilters({ channel: null, contact: { id: 3, name: 'فاطمة الزهراء' } })
    await vi.waitFor(() => expect(search.total).toBe(30))
    expect(search.contacts).toEqual([])
    // at(0) is 1 March 2026 09:00 UTC = 12:00 in Riyadh (UTC+3): that day in Riyadh holds
    // hours 0–11 (until 21:00 UTC), 12 messages of contact 3.
    search.setFilters({ from: '2026-03-01', to: '2026-03-01' })
    await vi.waitFor(() => expect(search.total).toBe(12))
    expect(search.filterInput()).toEqual({ contactId: 3, fromMs: Date.UTC(2026, 1, 28, 21), toMs: Date.UTC(2026, 2, 1, 21) })
    search.setFilters({ from: '2026-03-03', to: '2026-03-02' })
    expect(search.rangeError).toMatch(/after/)
    search.clearFilters()
    await vi.waitFor(() => expect(search.total).toBe(130))
  })

  it('shows the true count, the hits’ channel and snippets kept to one line', async () => {
    seedInvoices()
    const desk = new DeskState()
    render(SearchResults, { context: new Map([[deskContextKey, desk]]) })
    desk.search.setQuery('invoice')
    await vi.waitFor(() => expect(screen.getByText('130 found')).toBeTruthy())
    expect(screen.getByRole('listbox', { name: 'Messages that match' })).toBeTruthy()
    // (jsdom lays nothing out, so the virtual list shows no rows: the hits it would show are checked.)
    const snippets = desk.search.messages.map((m) => m.snippet.map((p) => p.text).join(''))
    for (const text of snippets) expect(text).toMatch(/^invoice \d+ ⏎ second line$/)
    expect(screen.getByRole('group', { name: 'Narrow the search' })).toBeTruthy()
    // A contact hit narrows the search to their messages.
    desk.search.setQuery('zoe')
    await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Search only messages with Zoë Café' })).toBeTruthy())
  })
})

describe('thread layout', () => {
  it('shows one time per burst and a separator per day, in the zone given', async () => {
    const now = Date.parse('2026-03-02T10:00:00Z')
    upsertMessages(core.store.db, 2, [
      apiMessage({ id: 7001, contact_id: 2, direction: 'inbound', content: 'one', sent_at: '2026-03-01T20:58:00Z' }),
      apiMessage({ id: 7002, contact_id: 2, direction: 'inbound', content: 'two', sent_at: '2026-03-01T21:01:00Z' }),
    ])
    const messages = (await call('thread-page', { contactId: 2, limit: 50 })).items.toReversed()
    // In UTC: both fixture messages (1 March 09:05, 09:06) are one burst; 20:58 and 21:01 another.
    const utc = threadRows(messages, 'UTC', now)
    expect(utc.filter((r) => r.kind === 'day').map((r) => r.kind === 'day' && r.label)).toEqual(['Yesterday'])
    expect(utc.filter((r) => r.kind === 'message').map((r) => r.kind === 'message' && r.showTime)).toEqual([true, true, false, true])
    // In Riyadh 21:01 UTC is past midnight: a new day, "Today", splits the last burst.
    const riyadh = threadRows(messages, 'Asia/Riyadh', now)
    expect(riyadh.filter((r) => r.kind === 'day').map((r) => r.kind === 'day' && r.label)).toEqual(['Yesterday', 'Today'])
    expect(riyadh.filter((r) => r.kind === 'message').map((r) => r.kind === 'message' && r.showTime)).toEqual([true, true, true, true])
    expect(dayLabel('2025-12-31', 'UTC', now)).toMatch(/2025/)
    expect(dayKey(Date.parse('2026-03-01T21:30:00Z'), 'Asia/Riyadh')).toBe('2026-03-02')
    // The inbox's list reads the same clock: past midnight in Riyadh is "today" there, a clock time.
    expect(zonedShortTime('2026-03-01T21:30:00Z', 'Asia/Riyadh', now)).toBe(clockTime('2026-03-01T21:30:00Z', 'Asia/Riyadh'))
    expect(zonedShortTime('2026-03-01T21:30:00Z', 'UTC', now)).not.toBe(clockTime('2026-03-01T21:30:00Z', 'UTC'))
    // Days once read are kept per zone and instant, and today moves on at midnight.
    expect(dayKey(new Date('2026-03-01T21:30:00Z'), 'UTC')).toBe('2026-03-01')
    expect(dayKey(Date.parse('2026-03-01T21:30:00Z'), 'Asia/Riyadh')).toBe('2026-03-02')
    expect(zonedShortTime('2026-03-01T23:50:00Z', 'UTC', Date.parse('2026-03-01T23:59:30Z'))).toBe(clockTime('2026-03-01T23:50:00Z', 'UTC'))
    expect(zonedShortTime('2026-03-01T23:50:00Z', 'UTC', Date.parse('2026-03-02T00:00:30Z'))).not.toBe(clockTime('2026-03-01T23:50:00Z', 'UTC'))
    expect(dayStartMs('2026-03-08', 'America/New_York')).toBe(Date.UTC(2026, 2, 8, 5))
    expect(dayStartMs('2026-03-09', 'America/New_York')).toBe(Date.UTC(2026, 2, 9, 4)) // after the change to summer time
  })

  it('counts new messages while the user reads further up, and jumps to them on request', async () => {
    const thread = new ThreadState()
    await thread.open(1)
    expect(thread.following).toBe(true)
    thread.setFollowing(false)
    const revision = thread.revision
    upsertMessages(core.store.db, 1, [
      apiMessage({ id: 8001, contact_id: 1, direction: 'inbound', content: 'new one', sent_at: at(100) }),
      apiMessage({ id: 8002, contact_id: 1, direction: 'inbound', content: 'new two', sent_at: at(101) }),
    ])
    await thread.refresh()
    // The view stays where the user reads; the new ones are counted.
    expect(thread.revision).toBe(revision)
    expect(thread.newWhileAway).toBe(2)
    thread.jumpToLatest()
    expect(thread.revision).toBe(revision + 1)
    expect(thread.newWhileAway).toBe(0)
    // Following the newest end: a new message scrolls into view, nothing is counted.
    upsertMessages(core.store.db, 1, [apiMessage({ id: 8003, contact_id: 1, direction: 'inbound', content: 'three', sent_at: at(102) })])
    await thread.refresh()
    expect(thread.revision).toBe(revision + 2)
    expect(thread.newWhileAway).toBe(0)
  })

  it('asks for a conversation’s messages alone, then its contact and read mark once the thread is shown', async () => {
    const desk = new DeskState()
    await desk.conversations.restart()
    // What the thread showed when each call went out.
    const asked: { method: string; shown: number }[] = []
    const bridge = window.desk!
    const invoke = bridge.invoke.bind(bridge)
    bridge.invoke = (async (method: string, input: unknown) => {
      asked.push({ method, shown: desk.thread.messages.length })
      return invoke(method as never, input as never)
    }) as typeof bridge.invoke
    await desk.openConversation(4)
    expect(asked[0]).toEqual({ method: 'thread-page', shown: 0 })
    const after = asked.slice(1)
    expect(after.map((a) => a.method)).toContain('contact-get')
    for (const call of after) expect(call.shown).toBeGreaterThan(0)
    expect(desk.threadContact.contact?.id).toBe(4)
  })

  it('names a contact with no conversation by their card, shows their details beside the thread, and offers Jump to latest', async () => {
    // A contact found with Ctrl+K who has never written: no conversation, still a name.
    upsertContacts(core.store.db, [apiContact({ id: 6, name: 'Nour Haddad', phone: '+962 79 000 0000', type: 'whatsapp', tags: [] })])
    const desk = new DeskState()
    await desk.conversations.restart()
    await desk.openConversation(6)
    expect(desk.conversations.selected).toBeUndefined()
    const view = render(Thread, { context: new Map([[deskContextKey, desk]]) })
    await vi.waitFor(() => expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Nour Haddad'))
    view.unmount()

    await desk.openConversation(4)
    render(Thread, { context: new Map([[deskContextKey, desk]]) })
    render(ThreadContact, { context: new Map([[deskContextKey, desk]]) })
    await vi.waitFor(() => expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('adam smith'))
    const aside = screen.getByRole('complementary', { name: 'Contact details' })
    expect(aside.textContent).toMatch(/\+1 415 555 0100/)
    expect(aside.textContent).toMatch(/lead/)
    expect(aside.textContent).toMatch(/Newsletter/)
    expect(aside.textContent).toMatch(/Blacklisted/)
    const toggle = screen.getByRole('button', { name: 'Hide contact details' })
    expect(toggle.getAttribute('aria-expanded')).toBe('true')
    await fireEvent.click(toggle)
    expect(aside.hidden).toBe(true)
    expect(screen.getByRole('button', { name: 'Contact details' }).getAttribute('aria-expanded')).toBe('false')

    desk.thread.setFollowing(false)
    upsertMessages(core.store.db, 4, [apiMessage({ id: 8101, contact_id: 4, direction: 'inbound', content: 'still there?', sent_at: at(200) })])
    await desk.thread.refresh()
    await settle()
    const jump = screen.getByRole('button', { name: /Jump to latest/ })
    expect(jump.textContent).toMatch(/1 new/)
    await fireEvent.click(jump)
    expect(screen.queryByRole('button', { name: /Jump to latest/ })).toBeNull()
  })
})

describe('keyboard and screen reader', () => {
  it('palette: options hold no buttons, a click picks, and closing gives the focus back to its opener', async () => {
    const desk = new DeskState()
    const opener = document.createElement('button')
    document.body.append(opener)
    opener.focus()
    desk.palette.show()
    const view = render(CommandPalette, { context: new Map([[deskContextKey, desk]]) })
    await desk.palette.setQuery('zoe')
    await settle()
    const option = screen.getByRole('option', { name: /Zoë Café/ })
    expect(option.querySelector('button, a, input')).toBeNull()
    expect(document.activeElement).toBe(screen.getByRole('combobox'))
    await fireEvent.keyDown(screen.getByRole('combobox'), { key: 'Escape' })
    expect(desk.palette.open).toBe(false)
    view.unmount()
    await vi.waitFor(() => expect(document.activeElement).toBe(opener))
    opener.remove()
  })
})
