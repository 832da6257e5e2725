// What the Contacts, Support, Bookings and web chat views share: a filtered list read from
// the core a page at a time by offset, with the true total (a filter starts it again from the top);
// one user action at a time, whose failure the view shows; and what sync tells of (support
// answered, a visitor waits or wrote) said in the live region, and on the desktop when the
// window is not in front, as the user's notification setting allows.
import { messageOf } from '../actions'
import { call } from '../desk'
import { PagedList } from './paged-list.svelte'

export interface OffsetListOptions<T, F> {
  /** Reads `limit` rows from `offset` under the filter, with how many match in all. */
  read(filter: F, page: { limit: number; offset: number }): Promise<{ items: T[]; total: number }>
  failure: () => string
  pageSize?: number
}

export class OffsetList<T, F extends object> {
  #filter = $state.raw<F>({} as F)
  readonly #list: PagedList<T, number>

  constructor(options: OffsetListOptions<T, F>) {
    this.#list = new PagedList<T, number>({
      pageSize: options.pageSize ?? 100,
      failure: options.failure,
      read: async (offset = 0, limit) => {
        const page = await options.read(this.#filter, { limit, offset })
        const end = offset + page.items.length
        return { items: page.items, total: page.total, next: end < page.total && page.items.length > 0 ? end : null }
      },
    })
  }

  get filter(): F {
    return this.#filter
  }
  get items(): T[] {
    return this.#list.items
  }
  /** How many rows match, all pages together (0 before the first answer). */
  get total(): number {
    return this.#list.total ?? 0
  }
  get hasMore(): boolean {
    return this.#list.hasMore
  }
  get loading(): boolean {
    return this.#list.loading
  }
  get loaded(): boolean {
    return this.#list.loaded
  }
  get error(): string | null {
    return this.#list.error
  }

  /** A new filter shows its rows from the top. */
  async setFilter(filter: F): Promise<void> {
    this.#filter = filter
    await this.#list.restart()
  }

  /** The rows' scope changed otherwise (a bookings range): from the top. */
  async restart(): Promise<void> {
    await this.#list.restart()
  }

  /** The rows changed in the core: as many again as are shown. */
  async reload(): Promise<void> {
    await this.#list.reload()
  }

  async loadMore(): Promise<void> {
    await this.#list.loadMore()
  }

  /** Another account: nothing shown until it is read. */
  forget(): void {
    this.#list.forget()
  }
}

/**
 * A view of one filtered list (Support, Bookings, web chat): its rows a page at a time with
 * the true total, one user action at a time, and the error shown — the action's, else the
 * list's. A subclass says how a page is read and adds what its view does with a row.
 */
export abstract class FilteredListView<T, F extends object> {
  protected readonly list: OffsetList<T, F>
  protected readonly actions = new ActionRunner()

  /** pageSize: rows a page (tests page through a few). */
  constructor(options: { pageSize?: number | undefined; failure: () => string }) {
    this.list = new OffsetList<T, F>({ pageSize: options.pageSize ?? 100, failure: options.failure, read: (filter, page) => this.readPage(filter, page) })
  }

  /** Reads `limit` rows from `offset` under the filter, with how many match in all. */
  protected abstract readPage(filter: F, page: { limit: number; offset: number }): Promise<{ items: T[]; total: number }>

  get items(): T[] {
    return this.list.items
  }
  /** How many rows match the filter, all pages together. */
  get total(): number {
    return this.list.total
  }
  get hasMore(): boolean {
    return this.list.hasMore
  }
  get filter(): F {
    return this.list.filter
  }
  get loaded(): boolean {
    return this.list.loaded
  }
  get busy(): boolean {
    return this.actions.busy
  }
  get error(): string | null {
    return this.actions.error ?? this.list.error
  }

  /** The rows changed in the core: as many again as are shown. */
  async reload(): Promise<void> {
    await this.list.reload()
  }

  async loadMore(): Promise<void> {
    await this.list.loadMore()
  }

  /** A new filter shows its rows from the top. */
  async setFilter(filter: F): Promise<void> {
    await this.list.setFilter(filter)
  }
}

/** One user action at a time; a refusal is the view's error until the next one succeeds. */
export class ActionRunner {
  #busy = $state(false)
  #error = $state<string | null>(null)

  get busy(): boolean {
    return this.#busy
  }
  get error(): string | null {
    return this.#error
  }
  set error(error: string | null) {
    this.#error = error
  }

  /** False when another action runs or this one failed (its error shown). */
  async run(work: () => Promise<unknown>): Promise<boolean> {
    if (this.#busy) return false
    this.#busy = true
    try {
      await work()
      this.#error = null
      return true
    } catch (error) {
      this.#error = messageOf(error)
      return false
    } finally {
      this.#busy = false
    }
  }
}

/** What sync told of, for the live region, and a desktop notification while the window is elsewhere. */
export class Announcer {
  #text = $state('')

  get text(): string {
    return this.#text
  }

  /** For a user who is looking; the shell shows the desktop notification (src/main/attention.ts). */
  announce(text: string): void {
    this.#text = text
  }

  clear(): void {
    this.#text = ''
  }
}
