// Settings: sync interval and media cache size (saved as they change, within the core's
// limits), the data folder, and removing accounts with confirmation.
import type { Settings } from '../../../../shared/contract'
import { messageOf } from '../actions'
import { call } from '../desk'
import { locale, m } from '../i18n.svelte'

export const limits = { syncIntervalSeconds: { min: 15, max: 3600 }, mediaCacheMb: { min: 100, max: 100_000 } } as const

export class SettingsState {
  #settings = $state.raw<Settings | null>(null)
  #dataFolder = $state('')
  #version = $state('')
  #saved = $state<string | null>(null)
  #error = $state<string | null>(null)
  #removing = $state<string | null>(null)
  #rekeying = $state<{ accountId: string; error: string | null; busy: boolean } | null>(null)

  get settings(): Settings | null {
    return this.#settings
  }
  get dataFolder(): string {
    return this.#dataFolder
  }
  get version(): string {
    return this.#version
  }
  get saved(): string | null {
    return this.#saved
  }
  get error(): string | null {
    return this.#error
  }
  /** The account whose removal waits for confirmation. */
  get removing(): string | null {
    return this.#removing
  }

  /** The account whose new key is being entered (its key was rejected or lost), and how that went. */
  get rekeying(): { accountId: string; error: string | null; busy: boolean } | null {
    return this.#rekeying
  }

  startRekey(accountId: string | null): void {
    this.#rekeying = accountId ? { accountId, error: null, busy: false } : null
  }

  /** Gives the account a new key; its local copy and unsent actions stay, and sync resumes. */
  async saveKey(apiKey: string, sessionOnly = false): Promise<boolean> {
    const rekeying = this.#rekeying
    if (!rekeying) return false
    if (apiKey.trim() === '') {
      this.#rekeying = { ...rekeying, error: m.settings_paste_key() }
      return false
    }
    this.#rekeying = { ...rekeying, busy: true, error: null }
    try {
      await call('account-replace-key', { id: rekeying.accountId, apiKey: apiKey.trim(), ...(sessionOnly ? { sessionOnly } : {}) })
      this.#rekeying = null
      this.#saved = m.settings_key_saved()
      return true
    } catch (error) {
      this.#rekeying = { ...rekeying, busy: false, error: messageOf(error, m.settings_key_save_failed()) }
      return false
    }
  }

  /** `known`: the settings as already read, not asked for again. */
  async load(known?: Settings): Promise<void> {
    try {
      const [settings, info] = await Promise.all([known ?? call('settings-get', {}), call('app-info', {})])
      this.#settings = settings
      await locale.apply(settings)
      this.#dataFolder = info.dataFolder
      this.#version = info.version
    } catch (error) {
      this.#error = messageOf(error, m.settings_read_failed())
    }
  }

  /** A choice (on/off, which key sends, language, digits): saved as it changes; the language applies at once. */
  async choose<K extends 'notifications' | 'notificationSound' | 'sendWith' | 'language' | 'digits'>(key: K, value: Settings[K]): Promise<void> {
    await this.#save({ [key]: value })
  }

  /** Out-of-range values are refused with the range, not silently clamped. */
  async set<K extends keyof typeof limits>(key: K, value: number): Promise<void> {
    const { min, max } = limits[key]
    if (!Number.isInteger(value) || value < min || value > max) {
      this.#error = m.settings_range({ min, max })
      this.#saved = null
      return
    }
    await this.#save({ [key]: value })
  }

  async #save(change: Partial<Settings>): Promise<void> {
    try {
      this.#settings = await call('settings-set', change)
      await locale.apply(this.#settings)
      this.#error = null
      this.#saved = m.common_saved()
    } catch (error) {
      this.#error = messageOf(error, m.settings_save_failed())
    }
  }

  askRemove(accountId: string | null): void {
    this.#removing = accountId
  }

  async confirmRemove(): Promise<void> {
    const id = this.#removing
    this.#removing = null
    if (!id) return
    try {
      await call('account-remove', { id })
    } catch (error) {
      this.#error = messageOf(error, m.settings_remove_failed())
    }
  }
}
