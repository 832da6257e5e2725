// Search across every message and contact in the local copy: works offline, answers as the
// user types, and hands a chosen hit to the inbox to show in place. The local FTS query
// takes a few milliseconds, so every keystroke asks at once (a debounce only added its
// delay); answers to older keystrokes that arrive late are dropped.
import type { ContactHit, MessageHit } from '../../../../shared/contract'
import { messageOf } from '../actions'
import { call } from '../desk'
import { m } from '../i18n.svelte'

export class SearchState {
  #query = $state('')
  #messages = $state.raw<MessageHit[]>([])
  #contacts = $state.raw<ContactHit[]>([])
  #searching = $state(false)
  #error = $state<string | null>(null)
  #seq = 0

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
    if (query.trim() === '') {
      // An answer still on its way belongs to text that is gone.
      this.#seq++
      this.#messages = []
      this.#contacts = []
      this.#searching = false
      return
    }
    void this.run()
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
      if (seq === this.#seq) this.#error = messageOf(error, m.search_failed())
    } finally {
      if (seq === this.#seq) this.#searching = false
    }
  }
}
