// The media library: newest first, filtered by type and by name, a page at a time; rename
// inline and delete with confirmation (queued in the outbox, so both work offline).
import type { MediaCursor, MediaItem } from '../../../../shared/contract'
import { act, messageOf } from '../actions'
import { call } from '../desk'
import { PagedList } from './paged-list.svelte'
import { m } from '../i18n.svelte'

export type MediaType = 'image' | 'video' | undefined

export class MediaState {
  #type = $state<MediaType>()
  #search = $state('')
  // The filter or search changed and the tiles on screen answer the previous one.
  #stale = $state(false)
  #renaming = $state<{ id: number; name: string } | null>(null)
  #deleting = $state.raw<MediaItem | null>(null)
  #actionError = $state<string | null>(null)
  readonly #list = new PagedList<MediaItem, MediaCursor>({
    pageSize: 60,
    failure: m.media_read_failed,
    read: (before, limit) => {
      const search = this.#search.trim()
      return call('media-page', { limit, ...(this.#type ? { type: this.#type } : {}), ...(search ? { search } : {}), ...(before ? { before } : {}) })
    },
  })

  get items(): MediaItem[] {
    return this.#list.items
  }
  get type(): MediaType {
    return this.#type
  }
  get search(): string {
    return this.#search
  }
  get loading(): boolean {
    return this.#list.loading
  }
  get loaded(): boolean {
    return this.#list.loaded
  }
  get error(): string | null {
    return this.#actionError ?? this.#list.error
  }
  get stale(): boolean {
    return this.#stale
  }
  get hasMore(): boolean {
    return this.#list.hasMore
  }
  get renaming(): { id: number; name: string } | null {
    return this.#renaming
  }
  get deleting(): MediaItem | null {
    return this.#deleting
  }

  async setType(type: MediaType): Promise<void> {
    this.#type = type
    await this.restart()
  }

  /** Every keystroke reads at once (a local query); a late answer to older text is dropped. */
  setSearch(search: string): void {
    this.#search = search
    void this.restart()
  }

  /** The first page for the current filter; the tiles shown until it comes are marked stale. */
  async restart(): Promise<void> {
    this.#stale = true
    // Overtaken by a newer read, the newer one says when the tiles are current.
    if ((await this.#list.restart()) || this.#list.error !== null) this.#stale = false
  }

  /** The library changed in the core: as many tiles again as are shown (for the current filter). */
  async reload(): Promise<void> {
    if ((await this.#list.reload()) || this.#list.error !== null) this.#stale = false
  }

  async loadMore(): Promise<void> {
    await this.#list.loadMore()
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
    const current = this.#list.items.find((m) => m.id === renaming.id)
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
      this.#actionError = null
    } catch (error) {
      this.#actionError = messageOf(error)
    }
    await this.reload()
  }
}
