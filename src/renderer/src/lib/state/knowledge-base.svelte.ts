// The knowledge base view: entries filtered and searched locally, the entry open (its text
// read online in full when it can be), the text editor (warning before a text change clears
// the embeddings), dropped files, a catalog's preview, a website to crawl, and the polling
// of crawls under way — online only, backing off, until each completes or fails.
import type { KbDetail, KbItem, KbProduct } from '../../../../shared/contract'
import { messageOf } from '../actions'
import { call, DeskError } from '../desk'
import { m } from '../i18n.svelte'
import { checkKbDrop } from '../kb-upload-rules'
import { UploadsState } from './uploads.svelte'

export const kbTypeLabels: Record<string, () => string> = {
  text: m.kb_type_text,
  document: m.kb_type_document,
  voice: m.kb_type_voice,
  product_catalog: m.kb_type_catalog,
  website: m.kb_type_website,
}

export interface CatalogDraft {
  fileName: string
  title: string
  products: KbProduct[]
  problems: { row: number; reason: string }[]
}

type Mode = 'none' | 'view' | 'new-text' | 'website'

const POLL_FIRST_MS = 2_000
const POLL_MAX_MS = 30_000

export class KnowledgeBaseState {
  #items = $state.raw<KbItem[]>([])
  #detail = $state.raw<KbDetail | null>(null)
  #mode = $state<Mode>('none')
  /** Bumped whenever the pane is given something else to show: a late read of an entry no longer wanted is dropped. */
  #turn = 0
  #loaded = $state(false)
  #error = $state<string | null>(null)
  #message = $state<string | null>(null)
  #catalog = $state<CatalogDraft | null>(null)
  #online: () => boolean
  #polls = new Map<number, ReturnType<typeof setTimeout>>()

  type = $state<string | undefined>(undefined)
  search = $state('')
  /** The editor's fields (a new text, or the open entry's). */
  title = $state('')
  content = $state('')
  description = $state('')
  url = $state('')
  readonly uploads: UploadsState

  constructor(accountId: () => string | null, online: () => boolean) {
    this.#online = online
    this.uploads = new UploadsState(accountId, {
      check: checkKbDrop,
      byPath: async (path) => (await call('kb-upload', { files: [{ path }] })).results[0],
      byBytes: (fileName, size, base64) => call('kb-upload-data', { fileName, size, base64 }),
    })
  }

  get items(): KbItem[] {
    return this.#items
  }
  get detail(): KbDetail | null {
    return this.#detail
  }
  get mode(): Mode {
    return this.#mode
  }
  get loaded(): boolean {
    return this.#loaded
  }
  get error(): string | null {
    return this.#error
  }
  get message(): string | null {
    return this.#message
  }
  get catalog(): CatalogDraft | null {
    return this.#catalog
  }
  /** The open entry's text was changed in the editor: saving clears its embeddings. */
  readonly contentChanged: boolean = $derived(this.#detail !== null && this.#detail.content !== null && this.content !== this.#detail.content)

  async reload(): Promise<void> {
    try {
      this.#items = (await call('kb-list', { ...(this.type ? { type: this.type as never } : {}), ...(this.search.trim() ? { search: this.search.trim() } : {}) })).items
      this.#error = null
      if (this.#detail && this.#mode === 'view') {
        const still = this.#items.find((e) => e.id === this.#detail!.id) ?? this.#items.find((e) => e.title === this.#detail!.title && e.type === this.#detail!.type)
        if (still) this.#detail = await call('kb-get', { id: still.id })
      }
      this.#schedulePolls()
    } catch (error) {
      this.#error = messageOf(error, m.kb_read_failed())
    } finally {
      this.#loaded = true
    }
  }

  async setType(type: string | undefined): Promise<void> {
    this.type = type
    await this.reload()
  }

  async open(id: number): Promise<void> {
    this.#message = null
    const turn = this.#show('view')
    try {
      let detail = await call('kb-get', { id })
      // Its full text, read online; offline the copy kept by sync is shown.
      if (this.#online() && id > 0) detail = await call('kb-fetch', { id }).catch(() => detail)
      // A crawl's state and failure reason come from its status, not the entry itself.
      if (this.#online() && id > 0 && detail.type === 'website' && detail.status !== 'active' && detail.error === null) {
        detail = await call('kb-status', { id }).catch(() => detail)
      }
      // The user went on to another entry or a new one meanwhile: its fields are theirs.
      if (turn !== this.#turn) return
      this.#detail = detail
      this.title = detail.title
      this.content = detail.content ?? ''
      this.description = detail.description ?? ''
    } catch (error) {
      if (turn !== this.#turn) return
      const gone = error instanceof DeskError && error.type === 'not-found'
      // Made here and already carried out: the local id is gone, the server's entry is listed.
      if (gone && id < 0) {
        this.#items = (await call('kb-list', {})).items
        if (turn !== this.#turn) return
        const same = this.#items.find((e) => e.id > 0 && (e.title === this.title.trim() || (this.url !== '' && e.url === this.url.trim())))
        if (same) return this.open(same.id)
      }
      this.#detail = null
      this.#show('none')
      this.#message = gone ? m.kb_gone() : messageOf(error)
    }
  }

  startText(): void {
    this.#show('new-text')
    this.#detail = null
    this.title = ''
    this.content = ''
    this.description = ''
    this.#message = null
  }

  startWebsite(): void {
    this.#show('website')
    this.#detail = null
    this.url = ''
    this.title = ''
    this.#message = null
  }

  close(): void {
    this.#show('none')
    this.#detail = null
  }

  #show(mode: Mode): number {
    this.#mode = mode
    return ++this.#turn
  }

  async saveText(): Promise<boolean> {
    if (this.title.trim() === '' || this.content.trim() === '') {
      this.#message = m.kb_give_title()
      return false
    }
    return this.#do(async () => {
      const { localId } = await call('kb-create-text', { title: this.title.trim(), content: this.content.trim(), description: this.description.trim() || null })
      await this.reload()
      await this.open(localId)
    }, m.kb_added())
  }

  /** Saves the open entry's edits; the view has asked first when the text changed. */
  async saveEdits(): Promise<boolean> {
    const detail = this.#detail
    if (!detail) return false
    const changes: { title?: string; content?: string; description?: string | null } = {}
    if (this.title.trim() !== detail.title) changes.title = this.title.trim()
    if ((this.description.trim() || null) !== detail.description) changes.description = this.description.trim() || null
    if (this.contentChanged) changes.content = this.content.trim()
    if (Object.keys(changes).length === 0) return true
    return this.#do(() => call('kb-update', { id: detail.id, changes }).then(() => this.reload()), m.kb_saved())
  }

  async remove(id: number): Promise<void> {
    await this.#do(async () => {
      await call('kb-delete', { id })
      if (this.#detail?.id === id) this.close()
      await this.reload()
    }, m.kb_deleted())
  }

  async submitWebsite(): Promise<boolean> {
    return this.#do(async () => {
      const { localId } = await call('kb-website', { url: this.url.trim(), ...(this.title.trim() ? { title: this.title.trim() } : {}) })
      await this.reload()
      await this.open(localId)
    }, m.kb_crawl_soon())
  }

  /** Reads a dropped catalog file for the preview table. */
  async previewCatalog(file: File): Promise<void> {
    try {
      const { products, problems } = await call('kb-catalog-preview', { fileName: file.name, text: await file.text() })
      this.#catalog = { fileName: file.name, title: file.name.replace(/\.[^.]+$/, ''), products, problems }
      this.#message = null
    } catch (error) {
      this.#message = messageOf(error, m.kb_not_catalog({ file: file.name }))
    }
  }

  cancelCatalog(): void {
    this.#catalog = null
  }

  async sendCatalog(): Promise<boolean> {
    const draft = this.#catalog
    if (!draft || draft.products.length === 0) return false
    return this.#do(async () => {
      await call('kb-catalog-create', { title: draft.title.trim() || draft.fileName, products: draft.products })
      this.#catalog = null
      await this.reload()
    }, m.kb_catalog_queued({ n: draft.products.length }))
  }

  async removeProduct(productId: number): Promise<void> {
    const detail = this.#detail
    if (detail) await this.#do(() => call('kb-product-remove', { id: detail.id, productId }).then(() => this.open(detail.id)), m.kb_product_removed())
  }

  async addProduct(product: KbProduct): Promise<void> {
    const detail = this.#detail
    if (detail) await this.#do(() => call('kb-products-add', { id: detail.id, products: [product] }).then(() => this.open(detail.id)), m.kb_product_added())
  }

  async #do(work: () => Promise<unknown>, done: string): Promise<boolean> {
    try {
      await work()
      this.#message = done
      return true
    } catch (error) {
      this.#message = messageOf(error)
      return false
    }
  }

  /** Crawls under way are polled while online, each backing off from 2 s to 30 s. */
  #schedulePolls(): void {
    for (const e of this.#items) {
      if (e.status === 'processing' && e.type === 'website' && e.id > 0 && !this.#polls.has(e.id)) this.#poll(e.id, POLL_FIRST_MS)
    }
  }

  #poll(id: number, delay: number): void {
    this.#polls.set(id, setTimeout(async () => {
      this.#polls.delete(id)
      if (!this.#online()) return // picked up again by the next reload once back online
      try {
        const now = await call('kb-status', { id })
        this.#items = this.#items.map((e) => (e.id === id ? { ...e, status: now.status, error: now.error } : e))
        if (this.#detail?.id === id) this.#detail = now
        if (now.status === 'processing') this.#poll(id, Math.min(delay * 2, POLL_MAX_MS))
      } catch {
        // Offline or refused: the next reload schedules it again.
      }
    }, delay))
  }

  stopPolling(): void {
    for (const timer of this.#polls.values()) clearTimeout(timer)
    this.#polls.clear()
  }
}
