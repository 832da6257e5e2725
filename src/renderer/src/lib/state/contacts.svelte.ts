// The contacts list: search and filters (channel, tag, list, segment, blacklisted), sorted
// by name, read a page at a time as the list scrolls, one contact selected.
import type { ContactFilter, ContactItem, Groups } from '../../../../shared/contract'
import { messageOf } from '../actions'
import { call } from '../desk'

const PAGE = 100

export class ContactsState {
  #filter = $state.raw<ContactFilter>({})
  #items = $state.raw<ContactItem[]>([])
  #total = $state(0)
  #groups = $state.raw<Groups>({ tags: [], lists: [], segments: [] })
  #selectedId = $state<number | null>(null)
  #loading = $state(false)
  #loaded = $state(false)
  #error = $state<string | null>(null)
  #seq = 0

  get filter(): ContactFilter {
    return this.#filter
  }
  get items(): ContactItem[] {
    return this.#items
  }
  get total(): number {
    return this.#total
  }
  get groups(): Groups {
    return this.#groups
  }
  get selectedId(): number | null {
    return this.#selectedId
  }
  get loading(): boolean {
    return this.#loading
  }
  get loaded(): boolean {
    return this.#loaded
  }
  get error(): string | null {
    return this.#error
  }
  get hasMore(): boolean {
    return this.#items.length < this.#total
  }
  readonly filtered: boolean = $derived(Object.values(this.#filter).some((v) => v !== undefined && v !== ''))

  select(id: number | null): void {
    this.#selectedId = id
  }

  /** Every keystroke reads at once (a local query); a late answer to older text is dropped. */
  setSearch(search: string): void {
    this.#filter = { ...this.#filter, search: search === '' ? undefined : search }
    void this.reload()
  }

  async setFilter(change: Partial<ContactFilter>): Promise<void> {
    const next: ContactFilter = { ...this.#filter, ...change }
    for (const key of Object.keys(next) as (keyof ContactFilter)[]) if (next[key] === undefined || next[key] === '') delete next[key]
    this.#filter = next
    await this.reload()
  }

  async clearFilters(): Promise<void> {
    this.#filter = {}
    await this.reload()
  }

  async loadGroups(): Promise<void> {
    try {
      this.#groups = await call('groups-list', {})
    } catch (error) {
      this.#error = messageOf(error)
    }
  }

  async reload(): Promise<void> {
    await this.#fetch(0, Math.min(Math.max(this.#items.length, PAGE), 500))
  }

  async loadMore(): Promise<void> {
    if (!this.hasMore || this.#loading) return
    await this.#fetch(this.#items.length, PAGE)
  }

  async #fetch(offset: number, limit: number): Promise<void> {
    const seq = ++this.#seq
    this.#loading = true
    try {
      const page = await call('contacts-page', { ...this.#filter, limit, offset })
      if (seq !== this.#seq) return
      this.#items = offset === 0 ? page.items : [...this.#items, ...page.items]
      this.#total = page.total
      this.#error = null
    } catch (error) {
      if (seq === this.#seq) this.#error = messageOf(error, 'The contacts could not be read.')
    } finally {
      if (seq === this.#seq) {
        this.#loading = false
        this.#loaded = true
      }
    }
  }
}
