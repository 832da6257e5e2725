// Search across every message and contact in the local copy: works offline, answers as the
// user types, and hands a chosen hit to the inbox to show in place. The local FTS query
// takes a few milliseconds, so every keystroke asks at once (a debounce only added its
// delay); answers to older keystrokes that arrive late are dropped. Each question leaves
// before any state changes, so the core answers while the interface updates (showing the
// results pane on the first letter), not after. Hits come a page at a
// time as the list scrolls; how many there are in all is asked apart, once typing pauses,
// so counting every match of a short prefix never holds up the next keystroke's hits.
import type { ContactHit, MessageHit, SearchFilters } from '../../../../shared/contract'
import { messageOf } from '../actions'
import { call } from '../desk'
import { m } from '../i18n.svelte'
import { dayStartMs, shiftDay } from '../zoned-time'

export const SEARCH_PAGE = 50
/** The most hits the core answers in one read (the contract's limit). */
const MOST_PER_READ = 100
/** The count waits this long for typing to pause (the hits themselves never wait). */
const COUNT_AFTER_MS = 150

export interface SearchFilterChoice {
  channel: string | null
  contact: { id: number; name: string } | null
  /** Calendar days, "YYYY-MM-DD", in the shown timezone; both ends included. */
  from: string
  to: string
}

const noFilters: SearchFilterChoice = { channel: null, contact: null, from: '', to: '' }

export class SearchState {
  #query = $state('')
  #filters = $state.raw<SearchFilterChoice>(noFilters)
  #messages = $state.raw<MessageHit[]>([])
  #contacts = $state.raw<ContactHit[]>([])
  #total = $state<number | null>(null)
  #more = $state(false)
  #searching = $state(false)
  #loadingMore = $state(false)
  #error = $state<string | null>(null)
  #seq = 0
  #countTimer: ReturnType<typeof setTimeout> | undefined

  /** `zone`: where a picked day begins and ends (the account's timezone, else the computer's). */
  constructor(private readonly zone: () => string | undefined = () => undefined) {}

  get query(): string {
    return this.#query
  }
  get filters(): SearchFilterChoice {
    return this.#filters
  }
  get filtered(): boolean {
    const f = this.#filters
    return f.channel !== null || f.contact !== null || f.from !== '' || f.to !== ''
  }
  get messages(): MessageHit[] {
    return this.#messages
  }
  get contacts(): ContactHit[] {
    return this.#contacts
  }
  /** Every message that matches, on all pages; null while it is being counted. */
  get total(): number | null {
    return this.#total
  }
  get hasMore(): boolean {
    return this.#more
  }
  get searching(): boolean {
    return this.#searching
  }
  get loadingMore(): boolean {
    return this.#loadingMore
  }
  get error(): string | null {
    return this.#error
  }
  get active(): boolean {
    return this.#query.trim() !== ''
  }
  /** "From" after "To": nothing could match, and the user is told why. */
  get rangeError(): string | null {
    const { from, to } = this.#filters
    return from !== '' && to !== '' && from > to ? m.search_range_error() : null
  }

  setQuery(query: string): void {
    if (query.trim() !== '') {
      // Asked first: writing state schedules the interface's update, which would otherwise
      // run before the question leaves.
      void this.run(query)
      this.#query = query
      return
    }
    this.#query = query
    // An answer still on its way belongs to text that is gone.
    this.#seq++
    clearTimeout(this.#countTimer)
    this.#messages = []
    this.#contacts = []
    this.#total = null
    this.#more = false
    this.#searching = false
    this.#loadingMore = false
  }

  setFilters(change: Partial<SearchFilterChoice>): void {
    this.#filters = { ...this.#filters, ...change }
    if (this.active) void this.run()
  }

  clearFilters(): void {
    this.setFilters(noFilters)
  }

  clear(): void {
    this.#filters = noFilters
    this.setQuery('')
  }

  /** What the core is asked for besides the words. */
  filterInput(): SearchFilters {
    const f = this.#filters
    const zone = this.zone()
    const fromMs = f.from ? dayStartMs(f.from, zone) : null
    // "To" includes its whole day: up to the next day's midnight.
    const toMs = f.to ? dayStartMs(shiftDay(f.to, 1), zone) : null
    return {
      ...(f.channel !== null ? { channel: f.channel } : {}),
      ...(f.contact !== null ? { contactId: f.contact.id } : {}),
      ...(fromMs !== null && fromMs >= 0 ? { fromMs } : {}),
      ...(toMs !== null && toMs >= 0 ? { toMs } : {}),
    }
  }

  /** The first page again (new words, new filters, or the store changed under it). */
  async run(text: string = this.#query): Promise<void> {
    const query = text.trim()
    if (query === '') return
    const seq = ++this.#seq
    const filters = this.filterInput()
    // The question leaves before the state below changes (see setQuery).
    const asked = call('search', { query, ...filters, limit: SEARCH_PAGE })
    clearTimeout(this.#countTimer)
    this.#searching = true
    this.#loadingMore = false
    try {
      const result = await asked
      // A slower, older search must not overwrite a newer one.
      if (seq !== this.#seq) return
      this.#messages = result.messages
      this.#contacts = filters.contactId === undefined ? result.contacts : []
      this.#more = result.messages.length === SEARCH_PAGE
      this.#error = null
      // A page that is not full holds every hit: that is the count, nothing to ask.
      if (this.#more) {
        this.#total = null
        this.#countTimer = setTimeout(() => void this.#count(seq, query, filters), COUNT_AFTER_MS)
      } else {
        this.#total = result.messages.length
      }
    } catch (error) {
      if (seq === this.#seq) this.#error = messageOf(error, m.search_failed())
    } finally {
      if (seq === this.#seq) this.#searching = false
    }
  }

  /**
   * The store changed under the results (a sync, a note read): the same words read again,
   * as many hits as are shown, so the list neither shrinks to a first page nor jumps.
   */
  async refresh(): Promise<void> {
    const query = this.#query.trim()
    const shown = this.#messages.length
    if (query === '' || shown <= SEARCH_PAGE) return this.run()
    const seq = ++this.#seq
    clearTimeout(this.#countTimer)
    this.#loadingMore = false
    const filters = this.filterInput()
    try {
      const messages: MessageHit[] = []
      let contacts: ContactHit[] = []
      let more = true
      while (more && messages.length < shown) {
        const limit = Math.min(MOST_PER_READ, shown - messages.length)
        const page = await call('search', { query, ...filters, limit, offset: messages.length })
        if (seq !== this.#seq) return
        if (messages.length === 0) contacts = page.contacts
        messages.push(...page.messages)
        more = page.messages.length === limit
      }
      this.#messages = messages
      this.#contacts = filters.contactId === undefined ? contacts : []
      this.#more = more
      this.#error = null
      if (more) this.#countTimer = setTimeout(() => void this.#count(seq, query, filters), COUNT_AFTER_MS)
      else this.#total = messages.length
    } catch (error) {
      if (seq === this.#seq) this.#error = messageOf(error, m.search_failed())
    }
  }

  /** The next page of hits, after those shown. */
  async loadMore(): Promise<void> {
    const query = this.#query.trim()
    if (!this.#more || this.#loadingMore || this.#searching || query === '') return
    const seq = this.#seq
    this.#loadingMore = true
    try {
      const result = await call('search', { query, ...this.filterInput(), limit: SEARCH_PAGE, offset: this.#messages.length })
      if (seq !== this.#seq) return
      // A hit already shown (the store changed between pages) is not shown twice.
      const shown = new Set(this.#messages.map((hit) => hit.rowId))
      this.#messages = [...this.#messages, ...result.messages.filter((hit) => !shown.has(hit.rowId))]
      this.#more = result.messages.length === SEARCH_PAGE
      if (!this.#more && this.#total === null) this.#total = this.#messages.length
    } catch (error) {
      if (seq === this.#seq) this.#error = messageOf(error, m.search_more_failed())
    } finally {
      if (seq === this.#seq) this.#loadingMore = false
    }
  }

  async #count(seq: number, query: string, filters: SearchFilters): Promise<void> {
    try {
      const { total } = await call('search-count', { query, ...filters })
      if (seq === this.#seq) this.#total = total
    } catch (error) {
      if (seq === this.#seq) this.#error = messageOf(error, m.search_count_failed())
    }
  }
}
