// Media files kept on this machine so the library shows real images offline: each file is
// fetched once from its public URL into the account's media-cache/ folder, and the folder
// is kept under the user's size budget by removing the files used longest ago.
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

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
  fetchFile?: typeof fetch
  /** A download that takes longer is given up (the view shows the file's icon instead). */
  timeoutMs?: number
  /** Told when files were removed to stay within the budget, so the store forgets them. */
  onEvicted?: (mediaIds: number[]) => void
}

export class MediaCache {
  readonly #o: MediaCacheOptions
  /** One download per file at a time, however many tiles ask for it. */
  readonly #inFlight = new Map<number, Promise<Buffer | null>>()

  constructor(options: MediaCacheOptions) {
    this.#o = options
  }

  /** The file's name inside the cache folder. */
  fileName(source: CachedFileSource): string {
    const extension = (source.extension ?? '').replace(/[^a-z0-9]/gi, '').slice(0, 8).toLowerCase()
    return extension ? `${source.id}.${extension}` : String(source.id)
  }

  /** The file's bytes from the cache, downloading them first if needed; null when neither works (offline). */
  async read(source: CachedFileSource): Promise<Buffer | null> {
    const path = join(this.#o.folder, this.fileName(source))
    const cached = await readFile(path).catch(() => null)
    if (cached) {
      // The access time decides what is evicted first; mtime is set explicitly because atime is often off.
      const now = new Date()
      await utimes(path, now, now).catch(() => undefined)
      return cached
    }
    let pending = this.#inFlight.get(source.id)
    if (!pending) {
      pending = this.#download(source, path).finally(() => this.#inFlight.delete(source.id))
      this.#inFlight.set(source.id, pending)
    }
    return pending
  }

  async #download(source: CachedFileSource, path: string): Promise<Buffer | null> {
    let bytes: Buffer
    try {
      const response = await (this.#o.fetchFile ?? fetch)(source.url, { signal: AbortSignal.timeout(this.#o.timeoutMs ?? 30_000) })
      if (!response.ok) return null
      bytes = Buffer.from(await response.arrayBuffer())
    } catch {
      return null
    }
    if (bytes.length > this.#o.maxBytes()) return bytes
    await mkdir(this.#o.folder, { recursive: true })
    // Written beside and renamed, so a crash never leaves half a file that looks cached.
    const partial = `${path}.part`
    await writeFile(partial, bytes)
    await rename(partial, path)
    await this.#trim(this.fileName(source))
    return bytes
  }

  /** Removes the least recently used files until the folder fits the budget (never the one just written). */
  async #trim(keep: string): Promise<void> {
    const names = await readdir(this.#o.folder).catch(() => [] as string[])
    const files = await Promise.all(
      names.map(async (name) => {
        const info = await stat(join(this.#o.folder, name)).catch(() => null)
        return info?.isFile() ? { name, size: info.size, usedAt: info.mtimeMs } : null
      }),
    )
    const present = files.filter((f) => f !== null)
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
}
