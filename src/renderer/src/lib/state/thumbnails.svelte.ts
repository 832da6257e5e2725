// Image thumbnails from the core's media cache, as data URLs (the page's CSP allows no
// remote images). Asked for as tiles come into view, a few at a time, remembered; a tile
// that leaves the page before its turn is dropped from the queue, so flinging through a
// library of thousands reads only what stays on screen.
import { call } from '../desk'

const CONCURRENT = 4

export class ThumbnailsState {
  #urls = $state<Record<number, string | null>>({})
  #queue: number[] = []
  #asked = new Set<number>()
  #running = 0

  /** undefined while not known yet, null when there is nothing to show (video, offline and not cached). */
  url(id: number): string | null | undefined {
    return this.#urls[id]
  }

  /** Asked for already (a tile shown again needs no observer to ask a second time). */
  asked(id: number): boolean {
    return this.#asked.has(id)
  }

  request(id: number): void {
    if (this.#asked.has(id)) return
    this.#asked.add(id)
    this.#queue.push(id)
    this.#pump()
  }

  /** The tile left the page before its request started: not asked after all (it asks again when shown). */
  cancel(id: number): void {
    const at = this.#queue.indexOf(id)
    if (at < 0) return
    this.#queue.splice(at, 1)
    this.#asked.delete(id)
  }

  /** Forget misses (after going back online, say) so they are asked again. */
  retryMissing(): void {
    for (const [id, url] of Object.entries(this.#urls)) {
      if (url === null) {
        this.#asked.delete(Number(id))
        delete this.#urls[Number(id)]
      }
    }
  }

  #pump(): void {
    while (this.#running < CONCURRENT && this.#queue.length > 0) {
      const id = this.#queue.shift() as number
      this.#running++
      call('media-thumbnail', { id })
        .then(({ src }) => (this.#urls[id] = src))
        .catch(() => (this.#urls[id] = null))
        .finally(() => {
          this.#running--
          this.#pump()
        })
    }
  }
}
