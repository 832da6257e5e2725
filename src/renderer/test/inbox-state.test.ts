// @vitest-environment jsdom
// The inbox's state classes against a fake bridge: paging, jumping to a search hit,
// sending, and searching without stale answers.
import { beforeEach, describe, expect, it } from 'vitest'
import { ComposerState } from '../src/lib/state/composer.svelte'
import { ConversationsState } from '../src/lib/state/conversations.svelte'
import { SearchState } from '../src/lib/state/search.svelte'
import { ThreadState } from '../src/lib/state/thread.svelte'
import { installFakeDesk, message, settle, type FakeDesk } from './fake-desk'

let desk: FakeDesk
beforeEach(() => {
  desk = installFakeDesk()
})

const conversation = (contactId: number, unreadCount = 0) => ({
  contactId,
  name: `Contact ${contactId}`,
  channel: 'whatsapp',
  lastMessage: 'hi',
  lastMessageAt: null,
  unreadCount,
  pending: false,
})

describe('ConversationsState', () => {
  it('reads pages, filters by channel', async () => {
    desk.handle('conversations-page', (input: { before?: unknown; channel?: string }) =>
      input.before
        ? { items: [conversation(3, 2)], next: null }
        : { items: [conversation(1, 1), conversation(2)], next: { at: 1, contactId: 2 } },
    )
    desk.handle('unread-counts', () => ({ total: 3, channels: { whatsapp: 3 } }))
    const state = new ConversationsState()
    await state.reload()
    expect(state.items.map((c) => c.contactId)).toEqual([1, 2])
    expect(state.hasMore).toBe(true)
    await state.loadMore()
    expect(state.items.map((c) => c.contactId)).toEqual([1, 2, 3])
    expect(state.hasMore).toBe(false)
    await state.setChannel('telegram')
    expect(desk.calls.at(-1)).toEqual({ method: 'conversations-page', input: { limit: 50, channel: 'telegram' } })
  })

  it('shows the core’s unread totals, not the sum of the rows loaded so far, and follows a data change', async () => {
    // One page of 50 loaded; the core counts all 505 conversations' unread (as `unread-counts` answers).
    desk.handle('conversations-page', () => ({ items: [conversation(1, 2), conversation(2, 1)], next: { at: 1, contactId: 2 } }))
    let counts = { total: 505, channels: { whatsapp: 413, telegram: 92 } }
    desk.handle('unread-counts', () => counts)
    const state = new ConversationsState()
    await state.restart()
    expect(state.unreadTotal).toBe(505)
    expect(state.unreadOn('telegram')).toBe(92)
    expect(state.unreadOn('instagram')).toBe(0)
    await state.setChannel('telegram')
    expect(state.unreadShown).toBe(92)
    expect(state.unreadTotal).toBe(505) // the sidebar's badge respects nothing but the account

    // Opening a conversation marks it read in the core, which then says the conversations changed.
    desk.handle('conversation-read', () => ({}))
    await state.markRead(1)
    expect(desk.calls.at(-1)).toEqual({ method: 'conversation-read', input: { contactId: 1 } })
    counts = { total: 503, channels: { whatsapp: 411, telegram: 92 } }
    await state.reload()
    expect(state.unreadTotal).toBe(503)
  })

  it('does not ask the core to mark read a conversation it shows as read', async () => {
    desk.handle('conversations-page', () => ({ items: [conversation(1, 0)], next: null }))
    desk.handle('unread-counts', () => ({ total: 0, channels: {} }))
    const state = new ConversationsState()
    await state.reload()
    await state.markRead(1)
    expect(desk.calls.some((c) => c.method === 'conversation-read')).toBe(false)
  })

  it('shows the core’s message when the list cannot be read', async () => {
    desk.fail('conversations-page', { type: 'unauthorized', message: 'SkyLight Desk needs this account’s API key again.' })
    const state = new ConversationsState()
    await state.reload()
    expect(state.error).toBe('SkyLight Desk needs this account’s API key again.')
  })
})

describe('ThreadState', () => {
  it('shows oldest first, prepends older pages, and jumps back to a search hit', async () => {
    desk.handle('thread-page', (input: { before?: unknown; throughRowId?: number }) => {
      if (input.throughRowId) return { items: [message(9), message(8), message(7), message(6)], next: { at: 1, rowId: 6 } }
      return input.before ? { items: [message(7), message(6)], next: null } : { items: [message(9), message(8)], next: { at: 1, rowId: 8 } }
    })
    const thread = new ThreadState()
    await thread.open(1)
    expect(thread.messages.map((m) => m.rowId)).toEqual([8, 9])
    await thread.loadOlder()
    expect(thread.messages.map((m) => m.rowId)).toEqual([6, 7, 8, 9])
    expect(thread.hasOlder).toBe(false)
    const revision = thread.revision
    await thread.open(1, 7)
    expect(thread.highlight).toBe(7)
    expect(thread.revision).toBe(revision + 1)
    expect(desk.calls.at(-1)?.input).toEqual({ contactId: 1, limit: 20, throughRowId: 7 })
  })
})

describe('ComposerState', () => {
  it('sends with Enter but not Shift+Enter, keeps a draft per conversation, and clears it once queued', async () => {
    desk.handle('message-send', () => ({ actionId: 'a1', localId: 'l1' }))
    let contactId: number | null = 1
    const composer = new ComposerState(() => contactId)
    const key = (mods: { shiftKey?: boolean; ctrlKey?: boolean; metaKey?: boolean; isComposing?: boolean } = {}) => ({
      key: 'Enter',
      shiftKey: false,
      ctrlKey: false,
      metaKey: false,
      isComposing: false,
      ...mods,
    })
    expect(composer.isSendKey(key())).toBe(true)
    expect(composer.isSendKey(key({ shiftKey: true }))).toBe(false)
    expect(composer.isSendKey(key({ isComposing: true }))).toBe(false)
    composer.text = '  hello  '
    contactId = 2
    expect(composer.text).toBe('')
    contactId = 1
    expect(composer.canSend).toBe(true)
    expect(await composer.send()).toBe(true)
    expect(desk.calls.at(-1)).toEqual({ method: 'message-send', input: { contactId: 1, text: 'hello' } })
    expect(composer.text).toBe('')
  })

  it('sends with Ctrl+Enter (or Cmd+Enter) when the user chose it, and Enter then starts a new line', () => {
    let sendWith: 'enter' | 'ctrl-enter' = 'ctrl-enter'
    const composer = new ComposerState(() => 1, () => sendWith)
    const key = (mods: { ctrlKey?: boolean; metaKey?: boolean }) => ({ key: 'Enter', shiftKey: false, ctrlKey: false, metaKey: false, isComposing: false, ...mods })
    expect(composer.isSendKey(key({}))).toBe(false)
    expect(composer.isSendKey(key({ ctrlKey: true }))).toBe(true)
    expect(composer.isSendKey(key({ metaKey: true }))).toBe(true)
    expect(composer.hint).toBe('Ctrl+Enter sends, Enter starts a new line.')
    sendWith = 'enter'
    expect(composer.isSendKey(key({ ctrlKey: true }))).toBe(false)
    expect(composer.hint).toBe('Enter sends, Shift+Enter starts a new line.')
  })

  it('keeps the text and shows why when the message cannot be queued', async () => {
    desk.fail('message-send', { type: 'validation', message: 'This contact is blacklisted.' })
    const composer = new ComposerState(() => 1)
    composer.text = 'hello'
    expect(await composer.send()).toBe(false)
    expect(composer.error).toBe('This contact is blacklisted.')
    expect(composer.text).toBe('hello')
  })
})

describe('SearchState', () => {
  it('asks at every keystroke and never lets an older answer overwrite a newer one', async () => {
    const answers: ((value: unknown) => void)[] = []
    desk.handle('search', () => new Promise((resolve) => answers.push(resolve)))
    const search = new SearchState()
    search.setQuery('or')
    search.setQuery('order')
    // No pause in typing is waited for: both are asked at once.
    expect(desk.calls.map((c) => c.input)).toEqual([{ query: 'or', limit: 50 }, { query: 'order', limit: 50 }])
    answers[1]?.({ messages: [{ rowId: 2, snippet: [{ text: 'order', match: true }] }], contacts: [] })
    await settle()
    answers[0]?.({ messages: [{ rowId: 1, snippet: [] }], contacts: [] })
    await settle()
    expect(search.messages.map((m) => m.rowId)).toEqual([2])
    search.setQuery('late')
    search.clear()
    answers[2]?.({ messages: [{ rowId: 3, snippet: [] }], contacts: [] })
    await settle()
    expect(search.active).toBe(false)
    expect(search.messages).toEqual([])
  })
})
