// The Account area's profile, plan and channels. The profile edit is queued (it works
// offline); connecting a channel is live: a QR code polled at a gentle pace until it is
// scanned, fails or times out, or Instagram's password then 2FA code. A channel the core
// saw drop is shown as an alert wherever the user is.
import type { AccountOverview } from '../../../../shared/contract'
import { messageOf } from '../actions'
import { channelName } from '../account/channel-words'
import { nextPollDelay, qrOutcome } from '../account/qr-poll'
import { call, DeskError } from '../desk'
import { m } from '../i18n.svelte'

export type AccountTab = 'profile' | 'channels' | 'team' | 'webhooks'

export interface QrFlow {
  type: 'whatsapp' | 'telegram'
  accountId: string | null
  code: string | null
  state: 'asking' | 'waiting' | 'connected' | 'failed' | 'expired' | 'error'
  message: string | null
}

export interface InstagramFlow {
  step: 'credentials' | 'code' | 'connected'
  accountId: string | null
  busy: boolean
  error: string | null
  fields: Record<string, string[]>
  notice: string | null
}

export type FieldErrors = Record<string, string[]>

export function fieldErrorsOf(error: unknown): FieldErrors {
  return error instanceof DeskError && error.fields ? error.fields : {}
}

export class AccountAreaState {
  #overview = $state.raw<AccountOverview | null>(null)
  #loaded = $state(false)
  #error = $state<string | null>(null)
  #tab = $state<AccountTab>('profile')
  #announcement = $state('')
  #alert = $state<string | null>(null)
  #qr = $state<QrFlow | null>(null)
  #instagram = $state<InstagramFlow | null>(null)
  #busyChannel = $state<string | null>(null)
  #channelError = $state<string | null>(null)
  #pollTimer: ReturnType<typeof setTimeout> | undefined
  #pollGeneration = 0

  constructor(private readonly clock: () => number = () => Date.now()) {}

  get overview(): AccountOverview | null {
    return this.#overview
  }
  get loaded(): boolean {
    return this.#loaded
  }
  get error(): string | null {
    return this.#error
  }
  get tab(): AccountTab {
    return this.#tab
  }
  /** Polite news for a screen reader (connected, queued…). */
  get announcement(): string {
    return this.#announcement
  }
  /** A channel dropped: shown as an alert until dismissed. */
  get alert(): string | null {
    return this.#alert
  }
  get qr(): QrFlow | null {
    return this.#qr
  }
  get instagram(): InstagramFlow | null {
    return this.#instagram
  }
  get busyChannel(): string | null {
    return this.#busyChannel
  }
  get channelError(): string | null {
    return this.#channelError
  }

  show(tab: AccountTab): void {
    this.#tab = tab
  }
  dismissAlert(): void {
    this.#alert = null
  }
  announce(text: string): void {
    this.#announcement = text
  }

  async load(): Promise<void> {
    try {
      this.#overview = await call('account-overview', {})
      this.#error = null
    } catch (error) {
      this.#error = messageOf(error, m.account_read_failed())
    } finally {
      this.#loaded = true
    }
  }

  /** The core saw a connected channel drop (on a refresh or a live call). */
  channelDropped(type: string, syncStatus: string | null): void {
    this.#alert = m.channels_dropped({ name: channelName(type), credentials: syncStatus === 'CREDENTIALS' })
  }

  /** Queues the profile edit; answers the field errors (empty when queued). */
  async saveProfile(changes: { company_name?: string; address?: string; timezone?: string; country_id?: number }): Promise<FieldErrors | string | null> {
    try {
      await call('account-update', { changes })
      this.#announcement = m.account_profile_saved()
      await this.load()
      return null
    } catch (error) {
      const fields = fieldErrorsOf(error)
      return Object.keys(fields).length > 0 ? fields : messageOf(error)
    }
  }

  // ── channels ──

  async #channelCall(type: string, work: () => Promise<unknown>): Promise<boolean> {
    this.#busyChannel = type
    this.#channelError = null
    try {
      await work()
      await this.load()
      return true
    } catch (error) {
      this.#channelError = messageOf(error)
      return false
    } finally {
      this.#busyChannel = null
    }
  }

  refreshChannel(type: 'whatsapp' | 'telegram' | 'instagram'): Promise<boolean> {
    return this.#channelCall(type, () => call('channel-refresh', { type }))
  }

  disconnectChannel(type: 'whatsapp' | 'telegram' | 'instagram'): Promise<boolean> {
    return this.#channelCall(type, async () => {
      await call('channel-disconnect', { type })
      this.#announcement = `${channelName(type)} disconnected.`
    })
  }

  /** Asks for a QR code and polls until it is scanned, fails or times out. */
  async startQr(type: 'whatsapp' | 'telegram'): Promise<void> {
    this.#stopPolling()
    const generation = ++this.#pollGeneration
    this.#qr = { type, accountId: null, code: null, state: 'asking', message: null }
    try {
      const started = await call('channel-connect-qr', { type })
      if (generation !== this.#pollGeneration) return
      this.#qr = { type, accountId: started.accountId, code: started.qrCode, state: 'waiting', message: null }
      this.#poll(generation, this.clock())
    } catch (error) {
      if (generation === this.#pollGeneration) this.#qr = { type, accountId: null, code: null, state: 'error', message: messageOf(error) }
    }
  }

  #poll(generation: number, startedAt: number): void {
    const delay = nextPollDelay(this.clock() - startedAt)
    const flow = this.#qr
    if (!flow || generation !== this.#pollGeneration) return
    if (delay === null) {
      this.#qr = { ...flow, state: 'expired', message: m.qr_expired() }
      return
    }
    this.#pollTimer = setTimeout(async () => {
      const current = this.#qr
      if (!current || generation !== this.#pollGeneration || !current.accountId) return
      try {
        const channel = await call('channel-status', { type: current.type, accountId: current.accountId })
        if (generation !== this.#pollGeneration) return
        const outcome = qrOutcome(channel)
        if (outcome === 'connected') {
          this.#qr = { ...current, state: 'connected', code: null, message: null }
          this.#announcement = `${channelName(current.type)} connected${channel.username ? ` as ${channel.username}` : ''}.`
          await this.load()
          return
        }
        if (outcome === 'failed') {
          this.#qr = { ...current, state: 'failed', code: null, message: m.qr_failed() }
          await this.load()
          return
        }
      } catch (error) {
        // A missed poll (a blip in the network) is not the end: the next one may answer.
        if (error instanceof DeskError && error.type !== 'network' && error.type !== 'rate-limited' && error.type !== 'server') {
          this.#qr = { ...current, state: 'error', message: messageOf(error) }
          return
        }
      }
      this.#poll(generation, startedAt)
    }, delay)
  }

  #stopPolling(): void {
    clearTimeout(this.#pollTimer)
    this.#pollTimer = undefined
  }

  closeQr(): void {
    this.#pollGeneration++
    this.#stopPolling()
    this.#qr = null
  }

  openInstagram(): void {
    this.#instagram = { step: 'credentials', accountId: null, busy: false, error: null, fields: {}, notice: null }
  }
  closeInstagram(): void {
    this.#instagram = null
  }

  /** The password goes straight to the core and is not kept here once sent. */
  async instagramLogin(username: string, password: string): Promise<void> {
    const flow = this.#instagram
    if (!flow) return
    this.#instagram = { ...flow, busy: true, error: null, fields: {} }
    try {
      const started = await call('channel-instagram-connect', { username, password })
      if (started.kind === 'connected') {
        this.#instagram = { ...flow, step: 'connected', busy: false }
        this.#announcement = m.ig_announce_connected()
        await this.load()
      } else {
        this.#instagram = { ...flow, step: 'code', accountId: started.accountId, busy: false, notice: m.ig_code_sent() }
      }
    } catch (error) {
      this.#instagram = { ...flow, busy: false, error: messageOf(error), fields: fieldErrorsOf(error) }
    }
  }

  async instagramCode(code: string): Promise<void> {
    const flow = this.#instagram
    if (!flow?.accountId) return
    this.#instagram = { ...flow, busy: true, error: null, fields: {} }
    try {
      const channel = await call('channel-instagram-code', { accountId: flow.accountId, code })
      this.#instagram = { ...flow, step: 'connected', busy: false }
      this.#announcement = channel.username ? m.ig_announce_connected_as({ username: channel.username }) : m.ig_announce_connected()
      await this.load()
    } catch (error) {
      this.#instagram = { ...flow, busy: false, error: messageOf(error), fields: fieldErrorsOf(error) }
    }
  }

  async instagramResend(): Promise<void> {
    const flow = this.#instagram
    if (!flow?.accountId) return
    try {
      await call('channel-instagram-resend', { accountId: flow.accountId })
      this.#instagram = { ...flow, notice: m.ig_code_resent(), error: null }
    } catch (error) {
      this.#instagram = { ...flow, error: messageOf(error) }
    }
  }
}
