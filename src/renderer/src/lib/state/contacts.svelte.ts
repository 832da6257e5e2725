// The contacts list: search and filters (channel, tag, list, segment, blacklisted), sorted
// by name, read a page at a time as the list scrolls, one contact selected.
import type { ContactFilter, ContactItem, Groups } from '../../../../shared/contract'
import { messageOf } from '../actions'
import { call } from '../desk'
import { OffsetList } from './desk-list.svelte'
import { m } from '../i18n.svelte'

export class ContactsState {
  #groups = $state.raw<Groups>({ tags: [], lists: [], segments: [] })
  #selectedId = $state<number | null>(null)
  #groupsError = $state<string | null>(null)
  readonly #list = new OffsetList<ContactItem, ContactFilter>({
    read: (filter, page) => call('contacts-page', { ...filter, ...page }),
    failure: m.contacts_read_failed,
  })

  get filter(): ContactFilter {
    return this.#list.filter
  }
  get items(): ContactItem[] {
    return this.#list.items
  }
  get total(): number {
    return this.#list.total
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
  readonly filtered: boolean = $derived(Object.values(this.#list.filter).some((v) => v !== undefined && v !== ''))

  select(id: number | null): void {
    this.#selectedId = id
  }

  /** Every keystroke reads at once (a local query); a late answer to older text is dropped. */
  setSearch(search: string): void {
    void this.#list.setFilter({ ...this.#list.filter, search: search === '' ? undefined : search })
  }

  async setFilter(change: Partial<ContactFilter>): Promise<void> {
    const next: ContactFilter = { ...this.#list.filter, ...change }
    for (const key of Object.keys(next) as (keyof ContactFilter)[]) if (next[key] === undefined || next[key] === '') delete next[key]
    await this.#list.setFilter(next)
  }

  async clearFilters(): Promise<void> {
    await this.#list.setFilter({})
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
