// Media files kept on this machine so the library shows real images offline: each file is
// fetched once from its public URL into the account's media-cache/ folder, and the folder
// is kept under the user's size budget by removing the files used longest ago.
// Downloads stream to disk (a partial file beside, renamed when whole), so a file's size
// costs disk, never memory; a file over the size cap is refused and its download stopped.
import { randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, readdir, readFile, rename, rm, stat, utimes } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import { t } from '../language'

export interface CachedFileSource {
  id: number
  url: string
  extension: string | null
  mimeType: string | null
}

export interface MediaCacheOptions {
  folder: string
  /** Read at each write, so a new setting applies at once. */
  maxBytes: () => number
  /** Largest single file downloaded (default MAX_MEDIA_FILE_BYTES). */
  maxFileBytes?: number
  fetchFile?: typeof fetch
  /** A download silent for longer is given up (the view shows the file's icon instead). */
  timeoutMs?: number
  /** Told when files were removed to stay within the budget, so the store forgets them. */
  onEvicted?: (mediaIds: number[]) => void
}

/** SkyLight takes uploads up to 50 MB; anything bigger is not a file we should keep. */
export const MAX_MEDIA_FILE_BYTES = 50 * 1024 * 1024

/** The file is bigger than SkyLight Desk downloads. */
export class MediaTooLargeError extends Error {
  readonly type = 'bad-response'
  constructor(limitBytes: number) {
    super(
      t().error_media_too_large({ mb: limitBytes / (1024 * 1024) }),
    )
  }
}

export interface CachedFile {
  path: string
  size: number
}

const PARTIAL = '.part'

export class MediaCache {
  readonly #o: MediaCacheOptions
  /** One download per file at a time, however many tiles ask for it. */
  readonly #inFlight = new Map<number, Promise<CachedFile | null>>()
  /** Partial files being written now (others are leftovers of a crash, removed on trim). */
  readonly #writing = new Set<string>()

  constructor(options: MediaCacheOptions) {
    this.#o = options
  }

  /** The file's name inside the cache folder. */
  fileName(source: CachedFileSource): string {
    const extension = (source.extension ?? '').replace(/[^a-z0-9]/gi, '').slice(0, 8).toLowerCase()
    return extension ? `${source.id}.${extension}` : String(source.id)
  }

  /**
   * The cached file, downloading it first if needed; null when neither works (offline, or
   * the server has no such file). Rejects with MediaTooLargeError for a file over the cap.
   */
  async file(source: CachedFileSource): Promise<CachedFile | null> {
    const path = join(this.#o.folder, this.fileName(source))
    const cached = await stat(path).catch(() => null)
    if (cached?.isFile()) {
      // The access time decides what is evicted first; mtime is set explicitly because atime is often off.
      const now = new Date()
      await utimes(path, now, now).catch(() => undefined)
      return { path, size: cached.size }
    }
    let pending = this.#inFlight.get(source.id)
    if (!pending) {
      pending = this.#download(source, path).finally(() => this.#inFlight.delete(source.id))
      this.#inFlight.set(source.id, pending)
    }
    return pending
  }

  /** The file's bytes (for views that take them inline); see file(). */
  async read(source: CachedFileSource): Promise<Buffer | null> {
    const file = await this.file(source)
    return file ? readFile(file.path).catch(() => null) : null
  }

  /** Removes the least recently used files until the folder fits the budget (never `keep`). */
  async trim(keep?: string): Promise<void> {
    const names = await readdir(this.#o.folder).catch(() => [] as string[])
    const files = await Promise.all(
      names.map(async (name) => {
        const info = await stat(join(this.#o.folder, name)).catch(() => null)
        return info?.isFile() ? { name, size: info.size, usedAt: info.mtimeMs } : null
      }),
    )
    const present: { name: string; size: number; usedAt: number }[] = []
    for (const file of files) {
      if (!file) continue
      if (!file.name.endsWith(PARTIAL)) present.push(file)
      else if (!this.#writing.has(file.name)) await rm(join(this.#o.folder, file.name), { force: true })
    }
    let total = present.reduce((sum, f) => sum + f.size, 0)
    const evicted: number[] = []
    for (const file of present.sort((a, b) => a.usedAt - b.usedAt)) {
      if (total <= this.#o.maxBytes()) break
      if (file.name === keep) continue
      await rm(join(this.#o.folder, file.name), { force: true })
      total -= file.size
      const id = Number.parseInt(file.name, 10)
      if (Number.isInteger(id)) evicted.push(id)
    }
    if (evicted.length > 0) this.#o.onEvicted?.(evicted)
  }

  async #download(source: CachedFileSource, path: string): Promise<CachedFile | null> {
    // A file bigger than the whole budget could not be kept either.
    const limit = Math.min(this.#o.maxFileBytes ?? MAX_MEDIA_FILE_BYTES, this.#o.maxBytes())
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), this.#o.timeoutMs ?? 30_000)
    const partialName = `${this.fileName(source)}.${randomBytes(4).toString('hex')}${PARTIAL}`
    const partial = join(this.#o.folder, partialName)
    let size = 0
    try {
      let response: Response
      try {
        response = await (this.#o.fetchFile ?? fetch)(source.url, { signal: controller.signal })
      } catch {
        return null
      }
      if (!response.ok || !response.body) {
        await response.body?.cancel().catch(() => undefined)
        return null
      }
      const announced = Number(response.headers.get('content-length'))
      if (Number.isFinite(announced) && announced > limit) {
        controller.abort()
        throw new MediaTooLargeError(limit)
      }
      await mkdir(this.#o.folder, { recursive: true })
      this.#writing.add(partialName)
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          // A big file on a slow line keeps going as long as bytes keep coming.
          timer.refresh()
          size += chunk.length
          // Stops reading at once: the rest of the answer is never downloaded.
          callback(size > limit ? new MediaTooLargeError(limit) : null, chunk)
        },
      })
      try {
        await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), counter, createWriteStream(partial))
      } catch (error) {
        controller.abort()
        await rm(partial, { force: true })
        if (error instanceof MediaTooLargeError) throw error
        // Cut off or timed out: nothing is kept, the view shows the file's icon.
        return null
      }
      // Written beside and renamed, so a crash never leaves half a file that looks cached.
      await rename(partial, path)
    } finally {
      clearTimeout(timer)
      this.#writing.delete(partialName)
    }
    await this.trim(this.fileName(source))
    return { path, size }
  }
}
