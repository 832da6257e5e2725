// The voice view: settings (queued, so they work offline), the user's own provider key
// (kept in the OS keychain by the core and queued for SkyLight like the settings; the page
// forgets it once handed over and shows only its last 4 characters), connectivity, the cloned voice (a sample
// dropped or picked, checked and uploaded with progress), warm-up and a spoken sample
// played from a blob. Online-only controls say why they are off.
import type { VoiceView } from '../../../../shared/contract'
import { messageOf } from '../actions'
import { call } from '../desk'
import { m } from '../i18n.svelte'
import { UploadsState } from './uploads.svelte'

const SAMPLE_TYPES = ['mp3', 'wav', 'm4a', 'ogg', 'webm']

export function checkSample(name: string, size: number): { ok: true } | { ok: false; reason: string } {
  const extension = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : ''
  if (!SAMPLE_TYPES.includes(extension)) return { ok: false, reason: m.voice_sample_type({ name, types: SAMPLE_TYPES.join(', ') }) }
  if (size > 10 * 1024 * 1024) return { ok: false, reason: m.voice_sample_size({ name, size: size / 1024 / 1024 }) }
  if (size === 0) return { ok: false, reason: m.voice_sample_empty({ name }) }
  return { ok: true }
}

/** Why an online-only control is off, in the interface's language. */
export const needsConnection = (): string => m.voice_needs_connection()

export class VoiceState {
  #voice = $state.raw<VoiceView | null>(null)
  #message = $state<string | null>(null)
  #connection = $state<string | null>(null)
  #audioUrl = $state<string | null>(null)
  #busy = $state(false)
  #online: () => boolean
  /** The key as typed; cleared once handed to the core. */
  key = $state('')
  cloneName = $state('')
  text = $state('')
  readonly samples: UploadsState

  constructor(accountId: () => string | null, online: () => boolean) {
    this.#online = online
    this.samples = new UploadsState(accountId, {
      check: checkSample,
      byPath: (path) => call('voice-clone', { path, ...(this.cloneName.trim() ? { name: this.cloneName.trim() } : {}) }),
      byBytes: (fileName, size, base64) => call('voice-clone-data', { fileName, size, base64, ...(this.cloneName.trim() ? { name: this.cloneName.trim() } : {}) }),
    })
  }

  get voice(): VoiceView | null {
    return this.#voice
  }
  get message(): string | null {
    return this.#message
  }
  /** The last connectivity check, in words. */
  get connection(): string | null {
    return this.#connection
  }
  get audioUrl(): string | null {
    return this.#audioUrl
  }
  get busy(): boolean {
    return this.#busy
  }
  get online(): boolean {
    return this.#online()
  }

  async load(): Promise<void> {
    try {
      this.#voice = await call('voice-get', {})
    } catch (error) {
      this.#message = messageOf(error, m.voice_read_failed())
    }
  }

  async update(changes: { language?: 'ar' | 'en'; dialect?: string; enabled?: boolean }): Promise<void> {
    await this.#run(() => call('voice-update', changes).then(() => this.load()), m.voice_saved())
  }

  /** Saves the typed key (or null: SkyLight's key, and the saved one is deleted); the page forgets it at once. */
  async setKey(useOwn: boolean): Promise<void> {
    const key = useOwn ? this.key.trim() : null
    this.key = ''
    if (useOwn && (key === null || key.length < 8)) {
      this.#message = m.voice_paste_whole_key()
      return
    }
    const later = this.#online() ? '' : m.voice_key_when_online()
    await this.#run(async () => {
      this.#voice = await call('voice-set-key', { key })
    }, `${useOwn ? m.voice_own_key_saved() : m.voice_skylight_key()}${later}`)
  }

  async testConnection(): Promise<void> {
    await this.#online_(async () => {
      const status = await call('voice-status', {})
      this.#connection = !status.configured ? m.voice_not_set_up() : status.connected ? m.voice_connected() : m.voice_refused()
    }, null)
  }

  async preload(): Promise<void> {
    await this.#online_(async () => {
      this.#voice = await call('voice-preload', {})
    }, m.voice_is_warmed())
  }

  async speak(): Promise<void> {
    if (this.text.trim() === '') return
    await this.#online_(async () => {
      const { mimeType, base64 } = await call('voice-tts', { text: this.text.trim() })
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
      if (this.#audioUrl) URL.revokeObjectURL(this.#audioUrl)
      this.#audioUrl = URL.createObjectURL(new Blob([bytes], { type: mimeType }))
    }, null)
  }

  async deleteVoice(): Promise<void> {
    await this.#run(() => call('voice-delete', {}).then(() => this.load()), m.voice_deleted())
  }

  async #online_(work: () => Promise<void>, done: string | null): Promise<void> {
    if (!this.#online()) {
      this.#message = needsConnection()
      return
    }
    await this.#run(work, done)
  }

  async #run(work: () => Promise<unknown>, done: string | null): Promise<void> {
    this.#busy = true
    try {
      await work()
      if (done) this.#message = done
    } catch (error) {
      this.#message = messageOf(error)
    } finally {
      this.#busy = false
    }
  }
}
