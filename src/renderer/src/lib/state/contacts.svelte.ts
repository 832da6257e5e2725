// The contacts list: search and filters (channel, tag, list, segment, blacklisted), sorted
// by name, read a page at a time as the list scrolls, one contact selected.
import type { ContactFilter, ContactItem, Groups } from '../../../../shared/contract'
import { messageOf } from '../actions'
import { call } from '../desk'
import { PagedList } from './paged-list.svelte'
import { m } from '../i18n.svelte'

export class ContactsState {
  #filter = $state.raw<ContactFilter>({})
  #groups = $state.raw<Groups>({ tags: [], lists: [], segments: [] })
  #selectedId = $state<number | null>(null)
  #groupsError = $state<string | null>(null)
  readonly #list = new PagedList<ContactItem, number>({
    pageSize: 100,
    failure: m.contacts_read_failed,
    read: async (offset = 0, limit) => {
      const page = await call('contacts-page', { ...this.#filter, limit, offset })
      const end = offset + page.items.length
      return { items: page.items, total: page.total, next: end < page.total && page.items.length > 0 ? end : null }
    },
  })

  get filter(): ContactFilter {
    return this.#filter
  }
  get items(): ContactItem[] {
    return this.#list.items
  }
  get total(): number {
    return this.#list.total ?? 0
  }
  get groups(): Groups {
    return this.#groups
  }
  get selectedId(): number | null {
    return this.#selectedId
  }
  get loading(): boolean {
    return this.#list.loading
  }
  get loaded(): boolean {
    return this.#list.loaded
  }
  get error(): string | null {
    return this.#list.error ?? this.#groupsError
  }
  get hasMore(): boolean {
    return this.#list.hasMore
  }
  readonly filtered: boolean = $derived(Object.values(this.#filter).some((v) => v !== undefined && v !== ''))

  select(id: number | null): void {
    this.#selectedId = id
  }

  /** Every keystroke reads at once (a local query); a late answer to older text is dropped. */
  setSearch(search: string): void {
    this.#filter = { ...this.#filter, search: search === '' ? undefined : search }
    void this.#list.restart()
  }

  async setFilter(change: Partial<ContactFilter>): Promise<void> {
    const next: ContactFilter = { ...this.#filter, ...change }
    for (const key of Object.keys(next) as (keyof ContactFilter)[]) if (next[key] === undefined || next[key] === '') delete next[key]
    this.#filter = next
    await this.#list.restart()
  }

  async clearFilters(): Promise<void> {
    this.#filter = {}
    await this.#list.restart()
  }

  async loadGroups(): Promise<void> {
    try {
      this.#groups = await call('groups-list', {})
      this.#groupsError = null
    } catch (error) {
      this.#groupsError = messageOf(error)
    }
  }

  /** The first page (another account). */
  async restart(): Promise<void> {
    await this.#list.restart()
  }

  /** The contacts changed in the core: as many rows again as are shown. */
  async reload(): Promise<void> {
    await this.#list.reload()
  }

  async loadMore(): Promise<void> {
    await this.#list.loadMore()
  }
}
