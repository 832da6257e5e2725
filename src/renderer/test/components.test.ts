// @vitest-environment jsdom
// Components rendered with a DeskState on a fake bridge: the status strip's words, the
// composer's keys, search snippets as text (never HTML), and labelled controls.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import Composer from '../src/components/inbox/Composer.svelte'
import Snippet from '../src/components/inbox/Snippet.svelte'
import StatusStrip from '../src/components/frame/StatusStrip.svelte'
import UploadList from '../src/components/media/UploadList.svelte'
import Sidebar from '../src/components/frame/Sidebar.svelte'
import ChannelFilter from '../src/components/inbox/ChannelFilter.svelte'
import { DeskState, deskContextKey } from '../src/lib/state/desk.svelte'
import { installFakeDesk, settle, type FakeDesk } from './fake-desk'

let fake: FakeDesk
let desk: DeskState
let disconnect: () => void
beforeEach(async () => {
  fake = installFakeDesk({
    'accounts-list': () => ({ accounts: [{ id: 'acc', name: 'Shop', keyStorage: 'keychain', keyRejected: false, keyMissing: false, isDemo: false, serverId: 1, baseUrl: 'x' }], activeId: 'acc' }),
    'message-send': () => ({ actionId: 'a', localId: 'l' }),
    'thread-page': () => ({ items: [], next: null }),
    'conversations-page': () => ({ items: [], next: null }),
  })
  desk = new DeskState()
  disconnect = desk.connect()
  await desk.session.load()
})
afterEach(() => {
  disconnect()
  cleanup()
})

const context = () => new Map([[deskContextKey, desk]])

describe('the unread badges', () => {
  it('show the core’s totals (account, and per channel filter), and follow a read conversation and data changes', async () => {
    // Only two conversations loaded, the core counting the whole account (shapes of `unread-counts` and `conversations-page`).
    fake.handle('conversations-page', () => ({
      items: [
        { contactId: 12, name: 'Noura Al-Otaibi', channel: 'whatsapp', lastMessage: 'Is it in stock?', lastMessageAt: '2026-12-02T10:00:00.000000Z', unreadCount: 2, pending: false },
        { contactId: 7, name: 'Omar', channel: 'telegram', lastMessage: 'Thanks', lastMessageAt: '2026-12-02T09:00:00.000000Z', unreadCount: 0, pending: false },
      ],
      next: { at: 1, contactId: 7 },
    }))
    let counts = { total: 505, channels: { whatsapp: 413, telegram: 92 } }
    fake.handle('unread-counts', () => counts)
    fake.handle('channels-list', () => ({ accountName: 'Shop', channels: [{ serverId: 1, type: 'whatsapp', username: null, isConnected: true }, { serverId: 2, type: 'telegram', username: null, isConnected: true }] }))
    fake.handle('conversation-read', () => ({}))
    render(Sidebar, { context: context() })
    render(ChannelFilter, { context: context() })
    await Promise.all([desk.conversations.restart(), desk.channels.load()])
    await settle()
    const nav = () => within(screen.getByRole('navigation', { name: 'Views' }))
    expect(nav().getByLabelText('505 unread')).toBeTruthy()
    expect(screen.getByRole('button', { name: /^All/ }).textContent).toMatch(/505/)
    expect(screen.getByRole('button', { name: /Telegram/ }).textContent).toMatch(/92/)
    expect(screen.getByRole('button', { name: /WhatsApp/ }).textContent).toMatch(/413/)

    await desk.openConversation(12)
    expect(fake.calls.some((c) => c.method === 'conversation-read' && (c.input as { contactId: number }).contactId === 12)).toBe(true)
    counts = { total: 503, channels: { whatsapp: 411, telegram: 92 } }
    fake.emit('data-changed', { accountId: 'acc', resources: ['conversations'], contactIds: [12] })
    await settle(10)
    expect(nav().getByLabelText('503 unread')).toBeTruthy()
    expect(screen.getByRole('button', { name: /WhatsApp/ }).textContent).toMatch(/411/)
  })
})

describe('StatusStrip', () => {
  it('reads “Offline — N actions waiting” while offline', async () => {
    render(StatusStrip, { context: context() })
    fake.emit('sync-status', { accountId: 'acc', state: 'offline', kind: null, firstSyncDone: true, lastSyncedAt: new Date().toISOString(), progress: {}, message: null })
    fake.emit('outbox-changed', { accountId: 'acc', counts: { queued: 2, inFlight: 0, failed: 1 } })
    await settle()
    expect(screen.getByRole('status').textContent).toMatch(/Offline — 2 actions waiting/)
    expect(screen.getByRole('button', { name: /1 action failed — review/ })).toBeTruthy()
    expect(screen.getByRole('status').textContent).toMatch(/Last synced just now/)
  })

  it('says SkyLight is having trouble, not that the user is offline, while it answers errors', async () => {
    render(StatusStrip, { context: context() })
    fake.emit('sync-status', { accountId: 'acc', state: 'server-error', kind: null, firstSyncDone: true, lastSyncedAt: new Date().toISOString(), progress: {}, message: 'SkyLight had a problem (500). It will be tried again.' })
    fake.emit('outbox-changed', { accountId: 'acc', counts: { queued: 1, inFlight: 0, failed: 0 } })
    await settle()
    expect(screen.getByRole('status').textContent).toMatch(/SkyLight is having trouble — 1 action waiting/)
    expect(screen.getByRole('status').textContent).not.toMatch(/Offline/)
  })

  it('counts down to when SkyLight lets requests through again after a 429, and hides once it has', async () => {
    render(StatusStrip, { context: context() })
    const base = { accountId: 'acc', state: 'syncing', kind: 'refresh', firstSyncDone: true, lastSyncedAt: null, progress: {}, message: null }
    fake.emit('sync-status', { ...base, retryAt: new Date(Date.now() + 42_000).toISOString() })
    await settle()
    const seconds = Number(/trying again in (\d+) s/.exec(screen.getByRole('status').textContent ?? '')?.[1])
    expect(seconds).toBeGreaterThan(30)
    expect(seconds).toBeLessThanOrEqual(42)
    fake.emit('sync-status', { ...base, retryAt: null })
    await settle()
    expect(screen.getByRole('status').textContent).not.toMatch(/trying again/)
  })
})

describe('Composer', () => {
  it('sends on Enter, keeps Shift+Enter for a new line, and has a labelled reply box', async () => {
    await desk.openConversation(1)
    render(Composer, { context: context() })
    const box = screen.getByRole('textbox', { name: 'Reply' }) as HTMLTextAreaElement
    await fireEvent.input(box, { target: { value: 'hello' } })
    await fireEvent.keyDown(box, { key: 'Enter', shiftKey: true })
    expect(fake.calls.some((c) => c.method === 'message-send')).toBe(false)
    await fireEvent.keyDown(box, { key: 'Enter' })
    await settle()
    expect(fake.calls.find((c) => c.method === 'message-send')?.input).toEqual({ contactId: 1, text: 'hello' })
    expect(box.value).toBe('')
  })
})

describe('Snippet', () => {
  it('renders snippet parts as text with matches marked, never as HTML', () => {
    const { container } = render(Snippet, { parts: [{ text: '<img src=x onerror=alert(1)> your ', match: false }, { text: 'order', match: true }] })
    expect(container.querySelector('img')).toBeNull()
    expect(container.querySelector('mark')?.textContent).toBe('order')
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>')
    expect(container.querySelector('[dir="auto"]')).not.toBeNull()
  })
})

describe('UploadList', () => {
  it('shows each file’s state, a refusal’s reason, and labelled progress bars', async () => {
    fake.handle('media-upload-data', () => ({ fileName: 'a.png', ok: true, actionId: 'x' }))
    const big = new File(['x'], 'big.mp4')
    Object.defineProperty(big, 'size', { value: 60 * 1024 * 1024 })
    await desk.loadViews()
    await desk.uploads.add([new File(['abc'], 'a.png'), big])
    render(UploadList, { context: context() })
    expect(screen.getByRole('alert').textContent).toMatch(/big\.mp4.*60\.0 MB/)
    expect(screen.getByRole('progressbar', { name: 'Upload of a.png' })).toBeTruthy()
  })
})
