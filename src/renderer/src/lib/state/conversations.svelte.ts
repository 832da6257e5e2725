// The inbox's conversation list: newest first, paged, filtered by channel, one selected.
import type { ConversationCursor, ConversationItem } from '../../../../shared/contract'
import { call } from '../desk'
import { PagedList } from './paged-list.svelte'
import { m } from '../i18n.svelte'

export class ConversationsState {
  #channel = $state<string | undefined>()
  #selectedId = $state<number | null>(null)
  readonly #list = new PagedList<ConversationItem, ConversationCursor>({
    pageSize: 50,
    failure: m.inbox_read_failed,
    read: (before, limit) =>
      call('conversations-page', { limit, ...(this.#channel ? { channel: this.#channel } : {}), ...(before ? { before } : {}) }),
  })

  get items(): ConversationItem[] {
    return this.#list.items
  }
  get channel(): string | undefined {
    return this.#channel
  }
  get selectedId(): number | null {
    return this.#selectedId
  }
  get loaded(): boolean {
    return this.#list.loaded
  }
  get loading(): boolean {
    return this.#list.loading
  }
  get error(): string | null {
    return this.#list.error
  }
  get hasMore(): boolean {
    return this.#list.hasMore
  }
  readonly selected: ConversationItem | undefined = $derived(this.#list.items.find((c) => c.contactId === this.#selectedId))
  readonly unreadTotal: number = $derived(this.#list.items.reduce((sum, c) => sum + c.unreadCount, 0))

  async setChannel(channel: string | undefined): Promise<void> {
    this.#channel = channel
    await this.restart()
  }

  /** The first page (another account, another filter). */
  async restart(): Promise<void> {
    await this.#list.restart()
  }

  select(contactId: number | null): void {
    this.#selectedId = contactId
  }

  /** The list again, as many rows as are shown, so it neither jumps nor drops what was scrolled to. */
  async reload(): Promise<void> {
    await this.#list.reload()
  }

  async loadMore(): Promise<void> {
    await this.#list.loadMore()
  }
}
