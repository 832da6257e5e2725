// The preview: an image shown large, a video played. The bytes come from the core's cache
// and are shown through a blob URL, released when the preview closes.
import type { MediaItem } from '../../../../shared/contract'
import { messageOf } from '../actions'
import { call } from '../desk'
import { m } from '../i18n.svelte'

export class MediaPreviewState {
  #item = $state.raw<MediaItem | null>(null)
  #src = $state<string | null>(null)
  #loading = $state(false)
  #error = $state<string | null>(null)

  get item(): MediaItem | null {
    return this.#item
  }
  get src(): string | null {
    return this.#src
  }
  get loading(): boolean {
    return this.#loading
  }
  get error(): string | null {
    return this.#error
  }
  get isVideo(): boolean {
    return this.#item?.fileType === 'video'
  }

  async open(item: MediaItem): Promise<void> {
    this.close()
    this.#item = item
    this.#loading = true
    try {
      const file = await call('media-open', { id: item.id })
      if (this.#item !== item) return
      if ('src' in file) this.#src = file.src
      else {
        const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))
        this.#src = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }))
      }
    } catch (error) {
      if (this.#item === item) this.#error = messageOf(error, m.media_open_failed())
    } finally {
      if (this.#item === item) this.#loading = false
    }
  }

  close(): void {
    if (this.#src?.startsWith('blob:')) URL.revokeObjectURL(this.#src)
    this.#src = null
    this.#item = null
    this.#error = null
    this.#loading = false
  }
}
