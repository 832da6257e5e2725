// Search across every message and contact in the local copy: works offline, answers as the
// user types (debounced), and hands a chosen hit to the inbox to show in place.
import type { ContactHit, MessageHit } from '../../../../shared/contract'
import { messageOf } from '../actions'
import { call } from '../desk'

export class SearchState {
  #query = $state('')
  #messages = $state.raw<MessageHit[]>([])
  #contacts = $state.raw<ContactHit[]>([])
  #searching = $state(false)
  #error = $state<string | null>(null)
  #timer: ReturnType<typeof setTimeout> | undefined
  #seq = 0
  readonly #delayMs: number

  constructor(delayMs = 150) {
    this.#delayMs = delayMs
  }

  get query(): string {
    return this.#query
  }
  get messages(): MessageHit[] {
    return this.#messages
  }
  get contacts(): ContactHit[] {
    return this.#contacts
  }
  get searching(): boolean {
    return this.#searching
  }
  get error(): string | null {
    return this.#error
  }
  get active(): boolean {
    return this.#query.trim() !== ''
  }

  setQuery(query: string): void {
    this.#query = query
    clearTimeout(this.#timer)
    if (query.trim() === '') {
      this.#messages = []
      this.#contacts = []
      return
    }
    this.#timer = setTimeout(() => void this.run(), this.#delayMs)
  }

  clear(): void {
    this.setQuery('')
  }

  async run(): Promise<void> {
    const query = this.#query.trim()
    if (query === '') return
    const seq = ++this.#seq
    this.#searching = true
    try {
      const result = await call('search', { query, limit: 50 })
      // A slower, older search must not overwrite a newer one.
      if (seq !== this.#seq) return
      this.#messages = result.messages
      this.#contacts = result.contacts
      this.#error = null
    } catch (error) {
      if (seq === this.#seq) this.#error = messageOf(error, 'Search failed.')
    } finally {
      if (seq === this.#seq) this.#searching = false
    }
  }
}
