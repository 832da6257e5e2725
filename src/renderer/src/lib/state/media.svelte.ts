// The media library: newest first, filtered by type and by name, a page at a time; rename
// inline and delete with confirmation (queued in the outbox, so both work offline).
import type { MediaCursor, MediaItem } from '../../../../shared/contract'
import { act, messageOf } from '../actions'
import { call } from '../desk'

const PAGE = 60
export type MediaType = 'image' | 'video' | undefined

export class MediaState {
  #items = $state.raw<MediaItem[]>([])
  #next = $state.raw<MediaCursor | null>(null)
  #type = $state<MediaType>()
  #search = $state('')
  #loading = $state(false)
  #loaded = $state(false)
  #error = $state<string | null>(null)
  // The filter or search changed and the tiles on screen answer the previous one.
  #stale = $state(false)
  #renaming = $state<{ id: number; name: string } | null>(null)
  #deleting = $state.raw<MediaItem | null>(null)
  #seq = 0

  get items(): MediaItem[] {
    return this.#items
  }
  get type(): MediaType {
    return this.#type
  }
  get search(): string {
    return this.#search
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
  get stale(): boolean {
    return this.#stale
  }
  get hasMore(): boolean {
    return this.#next !== null
  }
  get renaming(): { id: number; name: string } | null {
    return this.#renaming
  }
  get deleting(): MediaItem | null {
    return this.#deleting
  }

  async setType(type: MediaType): Promise<void> {
    this.#type = type
    this.#stale = true
    await this.reload()
  }

  setSearch(search: string): void {
    this.#search = search
    this.#stale = true
    void this.reload()
  }

  async reload(): Promise<void> {
    await this.#fetch(undefined, Math.min(Math.max(this.#items.length, PAGE), 500))
  }

  async loadMore(): Promise<void> {
    if (!this.#next || this.#loading) return
    await this.#fetch(this.#next, PAGE)
  }

  async #fetch(before: MediaCursor | undefined, limit: number): Promise<void> {
    const seq = ++this.#seq
    this.#loading = true
    try {
      const search = this.#search.trim()
      const page = await call('media-page', { limit, ...(this.#type ? { type: this.#type } : {}), ...(search ? { search } : {}), ...(before ? { before } : {}) })
      if (seq !== this.#seq) return
      this.#items = before ? [...this.#items, ...page.items] : page.items
      this.#next = page.next
      this.#error = null
    } catch (error) {
      if (seq === this.#seq) this.#error = messageOf(error, 'The media library could not be read.')
    } finally {
      if (seq === this.#seq) {
        this.#loading = false
        this.#loaded = true
        this.#stale = false
      }
    }
  }

  startRename(item: MediaItem): void {
    this.#renaming = { id: item.id, name: item.name }
  }
  setRenameText(name: string): void {
    if (this.#renaming) this.#renaming = { ...this.#renaming, name }
  }
  cancelRename(): void {
    this.#renaming = null
  }
  async saveRename(): Promise<void> {
    const renaming = this.#renaming
    if (!renaming) return
    const name = renaming.name.trim()
    const current = this.#items.find((m) => m.id === renaming.id)
    if (name === '' || name === current?.name) {
      this.#renaming = null
      return
    }
    await this.#act(() => act('media-rename', { id: renaming.id, name }))
    this.#renaming = null
  }

  /** Files an administrator uploaded in the dashboard cannot be deleted through the API. */
  isAdminFile(item: MediaItem): boolean {
    return item.uploadedBy === 'admin'
  }

  askDelete(item: MediaItem): void {
    this.#deleting = item
  }
  cancelDelete(): void {
    this.#deleting = null
  }
  async confirmDelete(): Promise<void> {
    const item = this.#deleting
    this.#deleting = null
    if (item && !this.isAdminFile(item)) await this.#act(() => act('media-delete', { id: item.id }))
  }

  async #act(run: () => Promise<unknown>): Promise<void> {
    try {
      await run()
      this.#error = null
    } catch (error) {
      this.#error = messageOf(error)
    }
    await this.reload()
  }
}
