// A list read from the core a page at a time (conversations, contacts, media, a thread's
// messages, tickets, bookings and web chat sessions): the rows read so far, whether more follow, and
// the loading and error states. A reload after a change reads again as many rows as are
// shown, a page of at most 500 at a time, so it never drops what the user scrolled to; an
// answer that a newer read has overtaken is dropped.
import { messageOf } from '../actions'

export interface ListPage<T, C> {
  items: T[]
  /** Where the next page starts; null at the end. */
  next: C | null
  /** How many rows match, when the source counts them. */
  total?: number
}

export interface PagedListOptions<T, C> {
  /** Reads up to `limit` rows from `cursor` on (undefined: from the first row). */
  read(cursor: C | undefined, limit: number): Promise<ListPage<T, C>>
  pageSize: number
  /** What the user reads when a page cannot be read. */
  failure: string | (() => string)
}

/** The core answers at most this many rows per read. */
const MOST_PER_READ = 500

export class PagedList<T, C> {
  #items = $state.raw<T[]>([])
  #next = $state.raw<C | null>(null)
  #total = $state<number | null>(null)
  #loading = $state(false)
  #loaded = $state(false)
  #error = $state<string | null>(null)
  #seq = 0
  readonly #o: PagedListOptions<T, C>

  constructor(options: PagedListOptions<T, C>) {
    this.#o = options
  }

  get items(): T[] {
    return this.#items
  }
  get hasMore(): boolean {
    return this.#next !== null
  }
  /** How many rows match, when the source counts them; else null. */
  get total(): number | null {
    return this.#total
  }
  get loading(): boolean {
    return this.#loading
  }
  /** A first answer (rows or an error) has come. */
  get loaded(): boolean {
    return this.#loaded
  }
  get error(): string | null {
    return this.#error
  }

  /** Something the rows depend on changed (a filter, the conversation): the first page. */
  async restart(first?: () => Promise<ListPage<T, C>>): Promise<boolean> {
    return this.#read(async () => (first ? first() : this.#o.read(undefined, this.#o.pageSize)), 'replace')
  }

  /** The rows changed in the core: reads again as many as are shown (at least a page). */
  async reload(): Promise<boolean> {
    const wanted = Math.max(this.#items.length, this.#o.pageSize)
    return this.#read(async () => {
      const items: T[] = []
      let asked = Math.min(wanted, MOST_PER_READ)
      let page = await this.#o.read(undefined, asked)
      items.push(...page.items)
      // A page shorter than asked for is where the rows end.
      while (page.next !== null && items.length < wanted && page.items.length >= asked) {
        asked = Math.min(wanted - items.length, MOST_PER_READ)
        page = await this.#o.read(page.next, asked)
        items.push(...page.items)
      }
      return { ...page, items }
    }, 'replace')
  }

  /** The next page, after the rows shown (nothing when a read is under way or none is left). */
  async loadMore(): Promise<boolean> {
    const next = this.#next
    if (next === null || this.#loading) return false
    return this.#read(() => this.#o.read(next, this.#o.pageSize), 'append')
  }

  /** Empties the list (and drops any answer on its way). */
  clear(): void {
    this.#seq++
    this.#items = []
    this.#next = null
    this.#total = null
    this.#loading = false
  }

  /** Empties the list and forgets it was read (another account: nothing to say until it is). */
  forget(): void {
    this.clear()
    this.#loaded = false
    this.#error = null
  }

  /** Resolves true when its answer was taken (not overtaken by a newer read). */
  async #read(fetch: () => Promise<ListPage<T, C>>, mode: 'replace' | 'append'): Promise<boolean> {
    const seq = ++this.#seq
    this.#loading = true
    try {
      const page = await fetch()
      if (seq !== this.#seq) return false
      this.#items = mode === 'append' ? [...this.#items, ...page.items] : page.items
      this.#next = page.next
      this.#total = page.total ?? null
      this.#error = null
      return true
    } catch (error) {
      if (seq === this.#seq) this.#error = messageOf(error, typeof this.#o.failure === 'function' ? this.#o.failure() : this.#o.failure)
      return false
    } finally {
      if (seq === this.#seq) {
        this.#loading = false
        this.#loaded = true
      }
    }
  }
}
