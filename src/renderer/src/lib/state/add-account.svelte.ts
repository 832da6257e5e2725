// Adding an account: key and server, checked by the core against SkyLight. When the OS
// keychain cannot be used, the user may keep the key for this session only.
import type { AccountSummary } from '../../../../shared/contract'
import { call, DeskError } from '../desk'
import { m } from '../i18n.svelte'

export class AddAccountState {
  apiKey = $state('')
  baseUrl = $state('')
  #busy = $state(false)
  #error = $state<string | null>(null)
  #fieldErrors = $state<Record<string, string>>({})
  #offerSessionOnly = $state(false)

  get busy(): boolean {
    return this.#busy
  }
  get error(): string | null {
    return this.#error
  }
  get fieldErrors(): Record<string, string> {
    return this.#fieldErrors
  }
  /** The keychain is unavailable: offer to keep the key in memory until the app quits. */
  get offerSessionOnly(): boolean {
    return this.#offerSessionOnly
  }

  reset(): void {
    this.apiKey = ''
    this.baseUrl = ''
    this.#error = null
    this.#fieldErrors = {}
    this.#offerSessionOnly = false
  }

  async add(sessionOnly = false): Promise<AccountSummary | null> {
    if (this.apiKey.trim() === '') {
      this.#fieldErrors = { apiKey: m.add_enter_key() }
      return null
    }
    return this.#run(() =>
      call('account-add', { apiKey: this.apiKey, ...(this.baseUrl.trim() ? { baseUrl: this.baseUrl } : {}), ...(sessionOnly ? { sessionOnly } : {}) }),
    )
  }

  async addDemo(): Promise<AccountSummary | null> {
    return this.#run(() => call('account-add-demo', {}))
  }

  async #run(add: () => Promise<AccountSummary>): Promise<AccountSummary | null> {
    this.#busy = true
    this.#error = null
    this.#fieldErrors = {}
    try {
      const account = await add()
      this.reset()
      return account
    } catch (error) {
      if (error instanceof DeskError) {
        this.#offerSessionOnly = error.type === 'keychain-unavailable'
        this.#error = error.message
        if (error.fields) this.#fieldErrors = Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [k, v.join(' ')]))
      } else {
        this.#error = m.add_failed()
      }
      return null
    } finally {
      this.#busy = false
    }
  }
}
