// Ctrl/Cmd+K: type a few letters of a name, phone or email, pick a contact with the arrow
// keys, and go to their conversation (or their contact card).
import type { ContactHit } from '../../../../shared/contract'
import { call } from '../desk'
import { nextIndex } from '../list-nav'

export type PaletteTarget = { kind: 'conversation' | 'contact'; contactId: number }

export class PaletteState {
  #open = $state(false)
  #query = $state('')
  #hits = $state.raw<ContactHit[]>([])
  #index = $state(0)
  #seq = 0

  get open(): boolean {
    return this.#open
  }
  get query(): string {
    return this.#query
  }
  get hits(): ContactHit[] {
    return this.#hits
  }
  get index(): number {
    return this.#index
  }

  /** The shortcut: Ctrl+K, or Cmd+K on a Mac. */
  isShortcut(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey'>): boolean {
    return (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k'
  }

  show(): void {
    this.#open = true
    this.#query = ''
    this.#hits = []
    this.#index = 0
  }

  hide(): void {
    this.#open = false
  }

  async setQuery(query: string): Promise<void> {
    this.#query = query
    const seq = ++this.#seq
    if (query.trim() === '') {
      this.#hits = []
      return
    }
    try {
      const { contacts } = await call('search', { query, limit: 10 })
      if (seq !== this.#seq) return
      this.#hits = contacts
      this.#index = 0
    } catch {
      if (seq === this.#seq) this.#hits = []
    }
  }

  /** Arrow keys move; Enter picks (Shift+Enter opens the contact card instead). */
  key(event: Pick<KeyboardEvent, 'key' | 'shiftKey'>): PaletteTarget | 'close' | 'moved' | null {
    if (event.key === 'Escape') return 'close'
    const moved = nextIndex(event.key, this.#index, this.#hits.length)
    if (moved !== null && event.key !== 'Home' && event.key !== 'End') {
      this.#index = moved
      return 'moved'
    }
    if (event.key === 'Enter') return this.pick(this.#index, event.shiftKey ? 'contact' : 'conversation')
    return null
  }

  pick(index: number, kind: PaletteTarget['kind'] = 'conversation'): PaletteTarget | null {
    const hit = this.#hits[index]
    if (!hit) return null
    this.#open = false
    return { kind, contactId: hit.id }
  }
}
