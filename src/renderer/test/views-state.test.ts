// @vitest-environment jsdom
// State classes of the other views: contacts filters, uploads checked before they are
// queued, the campaign editor's audience and validation, settings ranges, accounts, Ctrl+K,
// the outbox panel and the status strip.
import { beforeEach, describe, expect, it } from 'vitest'
import { AddAccountState } from '../src/lib/state/add-account.svelte'
import { CampaignDetailState } from '../src/lib/state/campaign-detail.svelte'
import { CampaignEditorState } from '../src/lib/state/campaign-editor.svelte'
import { ChannelsState } from '../src/lib/state/channels.svelte'
import { ContactDetailState } from '../src/lib/state/contact-detail.svelte'
import { ContactsState } from '../src/lib/state/contacts.svelte'
import { MediaState } from '../src/lib/state/media.svelte'
import { OutboxState } from '../src/lib/state/outbox.svelte'
import { PaletteState } from '../src/lib/state/palette.svelte'
import { SettingsState } from '../src/lib/state/settings.svelte'
import { SyncStatusState } from '../src/lib/state/sync-status.svelte'
import { UploadsState } from '../src/lib/state/uploads.svelte'
import { installFakeDesk, settle, type FakeDesk } from './fake-desk'
import { campaignDetail } from '../../shared/contract/campaigns'

let desk: FakeDesk
beforeEach(() => {
  desk = installFakeDesk()
})

describe('ContactsState', () => {
  it('combines filters, drops cleared ones, and pages by offset', async () => {
    desk.handle('contacts-page', (input: { offset: number }) => ({
      items: [{ id: input.offset + 1, name: 'A', email: null, phone: null, type: 'whatsapp', status: null, blacklisted: false, lastMessageAt: null, pending: false }],
      total: 2,
    }))
    const contacts = new ContactsState()
    await contacts.setFilter({ type: 'telegram', listId: 4 })
    await contacts.setFilter({ listId: undefined, blacklisted: true })
    expect(desk.calls.at(-1)?.input).toEqual({ type: 'telegram', blacklisted: true, limit: 100, offset: 0 })
    expect(contacts.filtered).toBe(true)
    await contacts.loadMore()
    expect(contacts.items.map((c) => c.id)).toEqual([1, 2])
    expect(contacts.hasMore).toBe(false)
    await contacts.clearFilters()
    expect(contacts.filtered).toBe(false)
  })
})

describe('MediaState', () => {
  it('marks the tiles on screen stale from a filter change until its answer arrives', async () => {
    let answer: (page: object) => void = () => {}
    desk.handle('media-page', () => new Promise((resolve) => (answer = resolve)))
    const media = new MediaState()
    expect(media.stale).toBe(false)
    const done = media.setType('image')
    expect(media.stale).toBe(true)
    await settle()
    answer({ items: [], next: null })
    await done
    expect(media.stale).toBe(false)
    expect(desk.calls.at(-1)?.input).toEqual({ limit: 60, type: 'image' })
  })
})

describe('UploadsState', () => {
  it('refuses a file over 50 MB with a message before anything is queued, queues the rest as bytes', async () => {
    desk.handle('media-upload-data', (input: { fileName: string }) => ({ fileName: input.fileName, ok: true, actionId: `a-${input.fileName}` }))
    const uploads = new UploadsState(() => 'acc')
    const disconnect = uploads.connect()
    const big = new File([new Uint8Array(1)], 'big.mp4')
    Object.defineProperty(big, 'size', { value: 51 * 1024 * 1024 })
    await uploads.add([new File([new Uint8Array([1, 2, 3])], 'a.png'), big, new File(['x'], 'notes.txt')])
    expect(uploads.uploads.map((u) => [u.name, u.phase])).toEqual([
      ['a.png', 'queued'],
      ['big.mp4', 'refused'],
      ['notes.txt', 'refused'],
    ])
    expect(uploads.uploads[1]?.message).toMatch(/51\.0 MB; SkyLight accepts files up to 50 MB/)
    expect(desk.calls.filter((c) => c.method === 'media-upload-data')).toEqual([
      { method: 'media-upload-data', input: { fileName: 'a.png', size: 3, base64: 'AQID' } },
    ])
    desk.emit('outbox-progress', { accountId: 'acc', actionId: 'a-a.png', sent: 1, total: 2 })
    expect(uploads.uploads[0]).toMatchObject({ phase: 'uploading', percent: 50 })
    desk.emit('outbox-action', { accountId: 'acc', action: { id: 'a-a.png', state: 'done', lastError: null } })
    expect(uploads.uploads[0]).toMatchObject({ phase: 'done', percent: 100 })
    expect(uploads.active).toBe(false)
    disconnect()
  })

  it('shows the core’s refusal for a file it checked', async () => {
    desk.handle('media-upload-data', () => ({ fileName: 'x.png', ok: false, message: '“x.png” is not an image.' }))
    const uploads = new UploadsState(() => 'acc')
    await uploads.add([new File(['x'], 'x.png')])
    expect(uploads.uploads[0]).toMatchObject({ phase: 'refused', message: '“x.png” is not an image.' })
  })
})

describe('CampaignEditorState', () => {
  it('counts the audience live, validates, and saves a draft through the outbox', async () => {
    desk.handle('channels-list', () => ({
      accountName: 'A',
      channels: [
        { serverId: 1, type: 'instagram', username: null, isConnected: false },
        { serverId: 2, type: 'whatsapp', username: null, isConnected: true },
        { serverId: null, type: 'telegram', username: null, isConnected: true },
      ],
    }))
    desk.handle('audience-count', (input: { listIds: number[] }) => ({ count: input.listIds.length * 5 }))
    desk.handle('campaign-create', () => ({ actionId: 'a1', localId: -1 }))
    const editor = new CampaignEditorState(new ChannelsState())
    await editor.loadChannels()
    editor.start()
    expect(editor.channelId).toBe(2)
    expect(editor.usableChannels.map((c) => c.serverId)).toEqual([1, 2])
    expect(await editor.save()).toBeNull()
    expect(Object.keys(editor.errors)).toEqual(['name', 'message', 'audience'])
    editor.name = 'Spring'
    editor.message = 'Sale'
    editor.toggle('list', 7, true)
    editor.isNewNumber = true
    expect(editor.audience).toBeNull()
    await settle()
    expect(editor.audience).toBe(5)
    expect(await editor.save()).toBe(-1)
    expect(desk.calls.find((c) => c.method === 'campaign-create')?.input).toEqual({
      name: 'Spring',
      channelId: 2,
      message: 'Sale',
      contactIds: [],
      listIds: [7],
      segmentIds: [],
      isNewNumber: true,
    })
  })
})

describe('CampaignEditorState, editing a draft', () => {
  // A `campaign-get` answer as the core gives it (checked against the contract): an offline
  // draft on the second of two WhatsApp numbers, with one contact chosen by hand.
  const draft = campaignDetail.parse({
    id: -3, name: 'Eid hours', status: 'draft', channelType: 'whatsapp', channelName: 'shop2', createdAt: '2026-12-02T20:00:00.000Z', startedAt: null, completedAt: null,
    progress: { total: 2, succeeded: 0, failed: 0, pending: 2, percent: 0 }, pending: true, message: 'Open till 2 am', contactIds: [123], listIds: [7], segmentIds: [],
    dailyLimit: null, remainingToday: null, messagesSentToday: null, campaignDay: null, isNewNumber: false, channelId: 5,
    contacts: [{ id: 123, name: 'Noura Al-Otaibi' }], deliveryByStatus: { pending: 2 },
    commands: ['start'], recipients: 2, startBlockers: ['The draft has not reached SkyLight yet. It can be started once it has (when you are back online).'],
  })

  async function editorWithChannels(): Promise<CampaignEditorState> {
    desk.handle('channels-list', () => ({
      accountName: 'A',
      channels: [
        { serverId: 2, type: 'whatsapp', username: 'shop1', isConnected: true },
        { serverId: 5, type: 'whatsapp', username: 'shop2', isConnected: true },
      ],
    }))
    desk.handle('audience-count', () => ({ count: 2 }))
    const editor = new CampaignEditorState(new ChannelsState())
    await editor.loadChannels()
    return editor
  }

  it('shows the chosen contacts by name and keeps the draft’s own channel', async () => {
    const editor = await editorWithChannels()
    editor.start(draft)
    expect(editor.contactName(123)).toBe('Noura Al-Otaibi')
    expect(editor.channelId).toBe(5)
  })

  it('takes each error away as soon as its field is put right', async () => {
    const editor = await editorWithChannels()
    editor.start()
    expect(await editor.save()).toBeNull()
    expect(Object.keys(editor.errors)).toEqual(['name', 'message', 'audience'])
    editor.name = 'Spring'
    expect(Object.keys(editor.errors)).toEqual(['message', 'audience'])
    editor.message = 'Sale'
    editor.toggle('list', 7, true)
    expect(editor.errors).toEqual({})
    // A field the save pointed out stays checked as it is edited; others wait for the next save.
    editor.name = ''
    expect(editor.errors).toEqual({ name: 'Give the campaign a name.' })
  })
})

describe('SettingsState', () => {
  it('refuses values out of range with the range, saves the rest', async () => {
    desk.handle('settings-set', (input: object) => ({ syncIntervalSeconds: 30, mediaCacheMb: 1024, ...input }))
    const settings = new SettingsState()
    await settings.set('syncIntervalSeconds', 5)
    expect(settings.error).toBe('Enter a whole number from 15 to 3,600.')
    expect(desk.calls).toHaveLength(0)
    await settings.set('mediaCacheMb', 2048)
    expect(settings.settings?.mediaCacheMb).toBe(2048)
    expect(settings.error).toBeNull()
  })

  it('gives an account whose key was rejected a new key, with the core’s reason when it is refused', async () => {
    const settings = new SettingsState()
    settings.startRekey('acc-1')
    expect(await settings.saveKey('   ')).toBe(false)
    expect(settings.rekeying?.error).toMatch(/Paste the API key/)
    desk.fail('account-replace-key', { type: 'validation', message: 'This key opens “Other Co”, not “Nakheel Trading”.' })
    expect(await settings.saveKey('sk_live_other')).toBe(false)
    expect(settings.rekeying).toEqual({ accountId: 'acc-1', busy: false, error: 'This key opens “Other Co”, not “Nakheel Trading”.' })
    const fresh = installFakeDesk({ 'account-replace-key': (input: object) => ({ ...input }) })
    expect(await settings.saveKey(' sk_live_right ')).toBe(true)
    expect(fresh.calls).toEqual([{ method: 'account-replace-key', input: { id: 'acc-1', apiKey: 'sk_live_right' } }])
    expect(settings.rekeying).toBeNull()
    expect(settings.saved).toMatch(/New key saved/)
  })
})

describe('AddAccountState', () => {
  it('asks for a key, shows the core’s validation message, and offers a session-only key without a keychain', async () => {
    const add = new AddAccountState()
    expect(await add.add()).toBeNull()
    expect(add.fieldErrors.apiKey).toMatch(/Enter the API key/)
    desk.fail('account-add', { type: 'keychain-unavailable', message: 'No keychain is available on this computer.' })
    add.apiKey = 'sk_live_1'
    expect(await add.add()).toBeNull()
    expect(add.offerSessionOnly).toBe(true)
    expect(add.error).toBe('No keychain is available on this computer.')
    desk.fail('account-add', { type: 'validation', message: 'SkyLight did not accept this key.' })
    await add.add(true)
    expect(desk.calls.at(-1)?.input).toEqual({ apiKey: 'sk_live_1', sessionOnly: true })
    expect(add.offerSessionOnly).toBe(false)
  })
})

describe('PaletteState', () => {
  it('opens on Ctrl+K or Cmd+K, moves with arrows and picks with Enter', async () => {
    desk.handle('search', () => ({ messages: [], contacts: [{ id: 5, name: 'Noura' }, { id: 6, name: 'Nour' }] }))
    const palette = new PaletteState()
    expect(palette.isShortcut({ key: 'k', ctrlKey: true, metaKey: false })).toBe(true)
    expect(palette.isShortcut({ key: 'K', ctrlKey: false, metaKey: true })).toBe(true)
    expect(palette.isShortcut({ key: 'k', ctrlKey: false, metaKey: false })).toBe(false)
    palette.show()
    await palette.setQuery('nou')
    expect(palette.key({ key: 'ArrowDown', shiftKey: false })).toBe('moved')
    expect(palette.key({ key: 'Enter', shiftKey: true })).toEqual({ kind: 'contact', contactId: 6 })
    expect(palette.open).toBe(false)
  })
})

describe('OutboxState and SyncStatusState', () => {
  it('lists waiting and failed actions, and edits a failed message with its own text, not its summary', async () => {
    // Shaped as the core makes them (the browser journey checks the real ones): the summary
    // cuts the text, and the text to edit comes whole in `editable`.
    const view = (id: number, state: string, text: string) => ({
      id: String(id),
      kind: 'send-message',
      resources: ['messages', 'conversations'],
      summary: `Send “${text.length > 40 ? `${text.slice(0, 39)}…` : text}” to “Noura”`,
      editable: state === 'done' ? null : { text },
      markable: state === 'failed',
      state,
      attempts: 1,
      nextAttemptAt: null,
      lastError: null,
      progress: null,
      createdAt: '2026-01-01T00:00:00Z',
    })
    const long = 'Hello, this is a long enough message to be cut in the summary'
    desk.handle('outbox-list', () => ({ actions: [view(1, 'queued', 'hi'), view(2, 'failed', long)], counts: { queued: 1, inFlight: 0, failed: 1 } }))
    desk.handle('outbox-edit', () => ({}))
    const outbox = new OutboxState(() => 'acc')
    const disconnect = outbox.connect()
    outbox.toggle(true)
    await settle()
    expect(outbox.waiting.map((a) => a.id)).toEqual(['1'])
    expect(outbox.failed.map((a) => a.id)).toEqual(['2'])
    expect(outbox.failed[0]!.summary).toBe('Send “Hello, this is a long enough message to…” to “Noura”')
    outbox.startEdit(outbox.failed[0]!)
    expect(outbox.editing).toEqual({ actionId: '2', field: 'text', text: long })
    outbox.setEditText('hello again')
    await outbox.saveEdit()
    // The edit queues the action again by itself: no retry after it (it would be refused).
    expect(desk.calls.filter((c) => c.method !== 'outbox-list').map((c) => [c.method, c.input])).toEqual([
      ['outbox-edit', { actionId: '2', changes: { text: 'hello again' } }],
    ])
    desk.emit('outbox-action', { accountId: 'acc', action: view(2, 'done', 'hello again') })
    expect(outbox.actions.map((a) => a.id)).toEqual(['1'])
    disconnect()
  })

  it('says offline with the number of actions waiting, and shows first-sync progress', async () => {
    const sync = new SyncStatusState(() => 'acc')
    const disconnect = sync.connect()
    desk.emit('sync-status', { accountId: 'acc', state: 'syncing', kind: 'first', firstSyncDone: false, lastSyncedAt: null, progress: { contacts: { done: 50, total: 200 }, media: { done: 3, total: null } }, message: null })
    expect(sync.progress).toEqual([
      { resource: 'contacts', done: 50, total: 200, percent: 25 },
      { resource: 'media', done: 3, total: null, percent: null },
    ])
    desk.emit('sync-status', { accountId: 'other', state: 'offline', kind: null, firstSyncDone: true, lastSyncedAt: null, progress: {}, message: null })
    expect(sync.offline).toBe(false)
    desk.emit('sync-status', { accountId: 'acc', state: 'offline', kind: null, firstSyncDone: true, lastSyncedAt: null, progress: {}, message: null })
    desk.emit('outbox-changed', { accountId: 'acc', counts: { queued: 2, inFlight: 1, failed: 0 } })
    expect(sync.offline).toBe(true)
    expect(sync.waiting).toBe(3)
    expect(sync.progress).toEqual([])
    disconnect()
  })
})

describe('ContactDetailState', () => {
  const contact = { id: 7, name: 'Noura', phone: '+966500000001', email: null, type: 'whatsapp', status: 'active', blacklisted: false, createdAt: null, tags: [], lists: [], segments: [], notes: [], pending: false }

  it('asks before blacklisting or deleting, and only then queues it', async () => {
    desk.handle('contact-get', () => contact)
    desk.handle('contact-blacklist', () => ({ actionId: '1' }))
    desk.handle('contact-delete', () => ({ actionId: '2' }))
    const detail = new ContactDetailState()
    await detail.load(7)
    await detail.setBlacklisted(true)
    expect(detail.confirming).toBe('blacklist')
    expect(desk.calls.map((c) => c.method)).toEqual(['contact-get'])
    expect(await detail.confirm()).toBe(true)
    expect(desk.calls.filter((c) => c.method !== 'contact-get')).toEqual([{ method: 'contact-blacklist', input: { id: 7, blacklisted: true } }])

    detail.ask('delete')
    detail.ask(null) // cancelled: nothing sent
    expect(desk.calls.some((c) => c.method === 'contact-delete')).toBe(false)
    detail.ask('delete')
    expect(await detail.confirm()).toBe(true)
    expect(desk.calls.at(-1)).toEqual({ method: 'contact-delete', input: { id: 7 } })
    expect(detail.contact).toBeNull()
  })

  it('takes a contact off the blacklist without asking', async () => {
    desk.handle('contact-get', () => ({ ...contact, blacklisted: true }))
    desk.handle('contact-blacklist', () => ({ actionId: '1' }))
    const detail = new ContactDetailState()
    await detail.load(7)
    await detail.setBlacklisted(false)
    expect(detail.confirming).toBeNull()
    expect(desk.calls.find((c) => c.method === 'contact-blacklist')).toEqual({ method: 'contact-blacklist', input: { id: 7, blacklisted: false } })
  })
})

describe('CampaignDetailState', () => {
  const campaign = (over: object) => ({
    id: 5, name: 'Spring', status: 'draft', channelType: 'whatsapp', channelName: null, createdAt: null, startedAt: null, completedAt: null,
    progress: { total: 0, succeeded: 0, failed: 0, pending: 0, percent: 0 }, pending: false, message: 'Hi', contactIds: [], listIds: [], segmentIds: [],
    dailyLimit: null, remainingToday: null, messagesSentToday: null, campaignDay: null, isNewNumber: false, deliveryByStatus: {},
    commands: ['start'], recipients: 3, startBlockers: [], ...over,
  })

  it('offers the core’s commands, asks before start, cancel and delete, and never sends a blocked start', async () => {
    let current = campaign({ startBlockers: ['It has no recipients: choose contacts, lists or segments.'] })
    desk.handle('campaign-get', () => current)
    desk.handle('campaign-deliveries', () => ({ items: [], total: 0 }))
    desk.handle('campaign-command', () => ({ actionId: '1' }))
    desk.handle('campaign-delete', () => ({ actionId: '2' }))
    const detail = new CampaignDetailState()
    await detail.load(5)
    expect(detail.commands).toEqual(['start'])
    await detail.request('start')
    expect(detail.confirming).toBe('start')
    await detail.confirm()
    expect(desk.calls.some((c) => c.method === 'campaign-command')).toBe(false)

    current = campaign({})
    await detail.load(5)
    await detail.request('start')
    await detail.confirm()
    expect(desk.calls.filter((c) => c.method === 'campaign-command')).toEqual([{ method: 'campaign-command', input: { id: 5, command: 'start' } }])

    await detail.request('delete')
    expect(detail.confirming).toBe('delete')
    await detail.confirm()
    expect(desk.calls.at(-1)).toEqual({ method: 'campaign-delete', input: { id: 5 } })
    expect(detail.campaign).toBeNull()
    // The refresh that follows finds it gone: nothing to show, and no error either.
    desk.fail('campaign-get', { type: 'not-found', message: 'Campaign 5 is not in the local copy of this account.' })
    await detail.load(5)
    expect([detail.campaign, detail.error]).toEqual([null, null])
  })
})
