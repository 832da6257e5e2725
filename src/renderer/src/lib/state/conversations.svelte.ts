// The inbox's conversation list: newest first, paged, filtered by channel, one selected.
import type { ConversationCursor, ConversationItem } from '../../../../shared/contract'
import { messageOf } from '../actions'
import { call } from '../desk'

const PAGE = 50

export class ConversationsState {
  #items = $state.raw<ConversationItem[]>([])
  #next = $state.raw<ConversationCursor | null>(null)
  #channel = $state<string | undefined>()
  #selectedId = $state<number | null>(null)
  #loading = $state(false)
  #loaded = $state(false)
  #error = $state<string | null>(null)

  get items(): ConversationItem[] {
    return this.#items
  }
  get channel(): string | undefined {
    return this.#channel
  }
  get selectedId(): number | null {
    return this.#selectedId
  }
  get loaded(): boolean {
    return this.#loaded
  }
  get loading(): boolean {
    return this.#loading
  }
  get error(): string | null {
    return this.#error
  }
  get hasMore(): boolean {
    return this.#next !== null
  }
  readonly selected: ConversationItem | undefined = $derived(this.#items.find((c) => c.contactId === this.#selectedId))
  readonly unreadTotal: number = $derived(this.#items.reduce((sum, c) => sum + c.unreadCount, 0))

  async setChannel(channel: string | undefined): Promise<void> {
    this.#channel = channel
    await this.reload()
  }

  select(contactId: number | null): void {
    this.#selectedId = contactId
  }

  /** The first page again (as many rows as are shown, so the list does not jump). */
  async reload(): Promise<void> {
    const limit = Math.min(Math.max(this.#items.length, PAGE), 500)
    await this.#fetch(undefined, limit)
  }

  async loadMore(): Promise<void> {
    if (!this.#next || this.#loading) return
    await this.#fetch(this.#next, PAGE)
  }

  async #fetch(before: ConversationCursor | undefined, limit: number): Promise<void> {
    this.#loading = true
    try {
      const page = await call('conversations-page', { limit, ...(this.#channel ? { channel: this.#channel } : {}), ...(before ? { before } : {}) })
      this.#items = before ? [...this.#items, ...page.items] : page.items
      this.#next = page.next
      this.#error = null
    } catch (error) {
      this.#error = messageOf(error, 'The conversations could not be read.')
    } finally {
      this.#loading = false
      this.#loaded = true
    }
  }
}
