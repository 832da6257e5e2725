// The inbox's conversation list: newest first, paged, filtered by channel, one selected;
// and the unread counts, as the core counts them over every stored conversation.
import type { ConversationCursor, ConversationItem } from '../../../../shared/contract'
import { call } from '../desk'
import { PagedList } from './paged-list.svelte'
import { m } from '../i18n.svelte'

export class ConversationsState {
  #channel = $state<string | undefined>()
  #selectedId = $state<number | null>(null)
  #unread = $state<{ total: number; channels: Record<string, number> }>({ total: 0, channels: {} })
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
  /** Unread messages in the whole account, not only in the rows loaded so far. */
  get unreadTotal(): number {
    return this.#unread.total
  }
  /** Unread messages on one channel; the account's total for none. */
  unreadOn(channel: string | undefined): number {
    return channel === undefined ? this.#unread.total : (this.#unread.channels[channel] ?? 0)
  }
  /** Unread messages under the filter shown. */
  get unreadShown(): number {
    return this.unreadOn(this.#channel)
  }

  /** Asks the core for the counts again; a failure keeps the last ones (the list shows its own error). */
  async loadUnread(): Promise<void> {
    try {
      this.#unread = await call('unread-counts', {})
    } catch {
      // The list's own read reports what went wrong.
    }
  }

  /** The user opened the conversation: its unread messages count as seen (the core says data changed). */
  async markRead(contactId: number): Promise<void> {
    const item = this.#list.items.find((c) => c.contactId === contactId)
    if (item && item.unreadCount === 0) return
    try {
      await call('conversation-read', { contactId })
    } catch {
      // Still unread is what the core has; the badge stays true to it.
    }
  }

  async setChannel(channel: string | undefined): Promise<void> {
    this.#channel = channel
    await this.#list.restart()
  }

  /** The first page (another account, another filter). */
  async restart(): Promise<void> {
    await Promise.all([this.#list.restart(), this.loadUnread()])
  }

  select(contactId: number | null): void {
    this.#selectedId = contactId
  }

  /** The list again, as many rows as are shown, so it neither jumps nor drops what was scrolled to. */
  async reload(): Promise<void> {
    await Promise.all([this.#list.reload(), this.loadUnread()])
  }

  async loadMore(): Promise<void> {
    await this.#list.loadMore()
  }
}
