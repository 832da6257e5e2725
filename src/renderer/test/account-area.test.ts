// @vitest-environment jsdom
// The Account area on a fake bridge whose answers are parsed by the contract's own schemas
// (what the core is held to send): channel states in words, the QR code drawn as SVG, the
// QR flow's polling pace and outcome, the drop alert, offline controls, and confirmations.
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { accountChannel, accountOverview, teamMemberItem } from '../../shared/contract/account-area'
import ChannelsPanel from '../src/components/account/ChannelsPanel.svelte'
import QrCode from '../src/components/account/QrCode.svelte'
import TeamPanel from '../src/components/account/TeamPanel.svelte'
import UsageBar from '../src/components/account/UsageBar.svelte'
import WebhooksPanel from '../src/components/account/WebhooksPanel.svelte'
import { webhookItem } from '../../shared/contract/account-area'
import { channelWords } from '../src/lib/account/channel-words'
import { nextPollDelay, QR_TIMEOUT_MS } from '../src/lib/account/qr-poll'
import { locale } from '../src/lib/i18n.svelte'
import { DeskState, deskContextKey } from '../src/lib/state/desk.svelte'
import { installFakeDesk, settle, type FakeDesk } from './fake-desk'

// jsdom has no modal dialogs; the attribute is what the tests read.
HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
  this.setAttribute('open', '')
}

const channel = (type: string, isConnected: boolean, syncStatus: string | null) =>
  accountChannel.parse({ type, username: isConnected ? '+966500000000' : null, isConnected, syncStatus, lastSyncedAt: '2026-03-01T12:00:00.000000Z' })
const overview = (channels: ReturnType<typeof channel>[]) =>
  accountOverview.parse({
    profile: { id: 1, companyName: 'نخيل', email: 'a@b.sa', address: null, timezone: 'Asia/Riyadh', country: { id: 194, name: 'Saudi Arabia', code: 'SA' }, pending: false },
    plan: { name: 'Business', status: 'active', expiresAt: '2027-03-01T00:00:00.000000Z', limits: [{ key: 'team_members', used: 9, max: 10 }] },
    channels,
  })

let fake: FakeDesk
let desk: DeskState
let disconnect: () => void
let current = overview([channel('whatsapp', true, 'OK'), channel('telegram', true, 'OK'), channel('instagram', false, 'STOPPED')])

beforeEach(async () => {
  fake = installFakeDesk({
    'accounts-list': () => ({ accounts: [{ id: 'acc', name: 'Shop', keyStorage: 'keychain', keyRejected: false, keyMissing: false, isDemo: false, serverId: 1, baseUrl: 'x' }], activeId: 'acc' }),
    'account-overview': () => current,
    'team-list': () => ({ items: [teamMemberItem.parse({ id: 5, name: 'Layla', email: 'l@x.sa', role: 'agent', status: 'active', createdAt: null, pending: false })] }),
    'team-delete': () => ({ actionId: '7' }),
  })
  desk = new DeskState()
  disconnect = desk.connect()
  await desk.session.load()
  await desk.loadViews()
})
afterEach(() => {
  disconnect()
  cleanup()
  vi.useRealTimers()
})
const context = () => new Map([[deskContextKey, desk]])

describe('channel states', () => {
  it('are said in plain words with what to do', () => {
    expect(channelWords({ isConnected: true, syncStatus: 'OK' })).toMatchObject({ label: 'Connected', tone: 'ok', advice: '' })
    expect(channelWords({ isConnected: false, syncStatus: 'CREDENTIALS' })).toMatchObject({ label: 'Needs signing in again', tone: 'danger' })
    expect(channelWords({ isConnected: false, syncStatus: 'CREATION_FAIL' }).advice).toMatch(/new code/)
    expect(channelWords({ isConnected: false, syncStatus: 'CONNECTING' }).label).toBe('Connecting…')
    expect(channelWords({ isConnected: true, syncStatus: 'ERROR' }).advice).toMatch(/Refresh/)
    expect(channelWords({ isConnected: false, syncStatus: 'STOPPED' }).label).toBe('Not connected')
  })

  it('are polled every 3 s, then 5 s, and given up after two minutes', () => {
    expect(nextPollDelay(0)).toBe(3_000)
    expect(nextPollDelay(45_000)).toBe(5_000)
    expect(nextPollDelay(QR_TIMEOUT_MS)).toBeNull()
  })
})

describe('the QR code', () => {
  it('is drawn as an SVG path from the library, labelled, with no inline style', () => {
    const { container } = render(QrCode, { value: '2@AbCdEfGh0123456789==,XyZ=,1', label: 'QR code to link WhatsApp' })
    const svg = screen.getByRole('img', { name: 'QR code to link WhatsApp' })
    const size = Number(svg.getAttribute('viewBox')!.split(' ')[2])
    expect(size).toBeGreaterThanOrEqual(21 + 8)
    expect(container.querySelector('path')!.getAttribute('d')!.length).toBeGreaterThan(100)
    expect(container.querySelector('[style]')).toBeNull()
  })
})

describe('connecting by QR code', () => {
  it('polls at its pace until the phone scans the code, then announces it', async () => {
    vi.useFakeTimers()
    let polls = 0
    fake.handle('channel-connect-qr', () => ({ accountId: 'wa_1', qrCode: '2@code,1' }))
    fake.handle('channel-status', () => (++polls < 3 ? channel('whatsapp', false, 'CONNECTING') : channel('whatsapp', true, 'OK')))
    await desk.account.startQr('whatsapp')
    expect(desk.account.qr).toMatchObject({ state: 'waiting', code: '2@code,1' })
    await vi.advanceTimersByTimeAsync(2_999)
    expect(polls).toBe(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(polls).toBe(1)
    await vi.advanceTimersByTimeAsync(6_000)
    expect(polls).toBe(3)
    expect(desk.account.qr?.state).toBe('connected')
    expect(desk.account.announcement).toBe('WhatsApp connected as +966500000000.')
    await vi.advanceTimersByTimeAsync(30_000)
    expect(polls).toBe(3)
  })

  it('offers a new code when the attempt fails', async () => {
    vi.useFakeTimers()
    fake.handle('channel-connect-qr', () => ({ accountId: 'tg_1', qrCode: 'tg://login?token=x' }))
    fake.handle('channel-status', () => channel('telegram', false, 'CREATION_FAIL'))
    await desk.account.startQr('telegram')
    await vi.advanceTimersByTimeAsync(3_000)
    expect(desk.account.qr).toMatchObject({ state: 'failed', code: null })
  })
})

describe('the channels tab', () => {
  it('raises an alert when the core says a channel dropped, for the active account only', async () => {
    fake.emit('channel-dropped', { accountId: 'other', type: 'whatsapp', syncStatus: 'ERROR' })
    await settle()
    expect(desk.account.alert).toBeNull()
    fake.emit('channel-dropped', { accountId: 'acc', type: 'whatsapp', syncStatus: 'CREDENTIALS' })
    await settle()
    expect(desk.account.alert).toMatch(/WhatsApp is no longer connected. It needs signing in again/)
  })

  it('disables the live controls offline and says why', async () => {
    current = overview([channel('whatsapp', true, 'OK'), channel('telegram', true, 'OK'), channel('instagram', false, 'STOPPED')])
    await desk.account.load()
    render(ChannelsPanel, { context: context() })
    fake.emit('sync-status', { accountId: 'acc', state: 'offline', kind: null, firstSyncDone: true, lastSyncedAt: null, progress: {}, message: null })
    await settle()
    expect(screen.getByRole('status').textContent).toMatch(/need a connection/)
    for (const button of screen.getAllByRole('button', { name: /Refresh|Disconnect|Connect/ })) expect((button as HTMLButtonElement).disabled).toBe(true)
    expect(screen.getAllByText('Connected')).toHaveLength(2)
    expect(screen.getByText('Not connected')).toBeTruthy()
  })
})

describe('the team tab', () => {
  it('removes a member only after a confirmation', async () => {
    await desk.team.reload()
    render(TeamPanel, { context: context() })
    await fireEvent.click(screen.getByRole('button', { name: 'Remove Layla' }))
    expect(fake.calls.some((c) => c.method === 'team-delete')).toBe(false)
    expect(screen.getByRole('dialog', { name: 'Remove Layla?' })).toBeTruthy()
    await fireEvent.click(screen.getByRole('button', { name: 'Remove' }))
    await settle()
    expect(fake.calls.find((c) => c.method === 'team-delete')?.input).toEqual({ id: 5 })
  })
})

describe('the plan', () => {
  it('shows used of max and turns a limit red near it', () => {
    const { container } = render(UsageBar, { label: 'Team members', used: 9, max: 10 })
    expect(screen.getByRole('progressbar', { name: 'Team members: 9 of 10 used' })).toBeTruthy()
    expect(container.querySelector('.usage.near')).not.toBeNull()
    expect(screen.getByText('Near the plan\'s limit.')).toBeTruthy()
    cleanup()
    render(UsageBar, { label: 'Contacts', used: 40, max: 10_000 })
    expect(screen.queryByText('Near the plan\'s limit.')).toBeNull()
  })
})

describe('the webhooks tab', () => {
  it('rotates a secret only after the warning, shows it once with Copy, and forgets it on Done', async () => {
    fake.handle('webhooks-list', () => ({
      items: [webhookItem.parse({ id: 3, name: 'CRM', url: 'https://crm.example/h', events: ['contact.created'], isActive: true, deliveryLogsCount: 2, createdAt: null, pending: false, secretWaiting: false })],
    }))
    fake.handle('webhook-rotate-secret', () => ({ secret: 'whsec_rotated_for_test' }))
    await desk.webhooks.reload()
    render(WebhooksPanel, { context: context() })
    await fireEvent.click(screen.getByRole('button', { name: 'Rotate secret' }))
    expect(fake.calls.some((c) => c.method === 'webhook-rotate-secret')).toBe(false)
    expect(screen.getByRole('dialog', { name: 'Rotate the signing secret?' }).textContent).toMatch(/stops working at once/)
    await fireEvent.click(screen.getByRole('button', { name: 'Rotate' }))
    await settle()
    expect(screen.getByRole('dialog', { name: 'The new signing secret' }).textContent).toContain('whsec_rotated_for_test')
    expect(screen.getByRole('button', { name: 'Copy' })).toBeTruthy()
    await fireEvent.click(screen.getByRole('button', { name: 'Done' }))
    await settle()
    expect(desk.webhooks.secret).toBeNull()
    expect(document.body.textContent).not.toContain('whsec_rotated_for_test')
  })
})

describe('in Arabic', () => {
  beforeEach(() => locale.apply({ language: 'ar', digits: 'arabic' }))
  afterEach(() => locale.apply({}))

  it('words the plan, the channel states and the webhooks in Arabic, with Arabic-Indic digits and plural forms', async () => {
    render(UsageBar, { label: 'أعضاء الفريق', used: 9, max: 10 })
    expect(screen.getByRole('progressbar', { name: 'أعضاء الفريق: مُستخدم ٩ من ١٠' })).toBeTruthy()
    expect(screen.getByText('قريب من حد الباقة.')).toBeTruthy()
    expect(channelWords({ isConnected: false, syncStatus: 'CREDENTIALS' }).label).toBe('يلزم تسجيل الدخول مجددًا')
    cleanup()
    fake.handle('webhooks-list', () => ({
      items: [webhookItem.parse({ id: 3, name: 'CRM', url: 'https://crm.example/h', events: ['contact.created', 'message.received'], isActive: true, deliveryLogsCount: 2, createdAt: null, pending: false, secretWaiting: false })],
    }))
    await desk.webhooks.reload()
    render(WebhooksPanel, { context: context() })
    expect(screen.getByText('حدثان: contact.created, message.received')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'تجديد السرّ' })).toBeTruthy()
  })
})
