import { readFile } from 'node:fs/promises'
import type { Handlers } from '../../../shared/contract'
import { MediaCache, mediaCacheFolder, MediaTooLargeError, type CachedFile } from '../media-cache'
import { getMedia, mediaPage, setMediaCachePath, type MediaItem } from '../store'
import type { HandlerContext } from './context'
import { t } from '../language'

type MediaHandlers = Pick<Handlers, 'media-page' | 'media-get' | 'media-thumbnail' | 'media-open'>

/** Bigger images are not inlined as thumbnails; the tile shows the file's icon instead. */
const MAX_THUMBNAIL_BYTES = 4 * 1024 * 1024

export function mediaHandlers(ctx: HandlerContext): MediaHandlers {
  const caches = new Map<string, MediaCache>()
  const db = () => ctx.session().store.db

  function cacheFor(accountId: string): MediaCache {
    let cache = caches.get(accountId)
    if (!cache) {
      const folder = mediaCacheFolder(ctx.dataDir, accountId)
      cache = new MediaCache({
        folder,
        maxBytes: () => ctx.settings().mediaCacheMb * 1024 * 1024,
        onEvicted: (ids) => {
          const session = ctx.sessions.get(accountId)
          for (const id of ids) {
            try {
              if (session) setMediaCachePath(session.store.db, id, null)
            } catch {
              // The file was deleted from the library meanwhile: nothing to forget.
            }
          }
        },
      })
      caches.set(accountId, cache)
    }
    return cache
  }

  /** Where the app serves cached files itself (Electron's media scheme), the file's URL there. */
  function servedUrl(item: MediaItem): string | null {
    const session = ctx.session()
    return ctx.mediaUrl ? ctx.mediaUrl(`${session.accountId}/${cacheFor(session.accountId).fileName(item)}`) : null
  }

  /** The file in the cache (downloaded to disk first if needed), null when it cannot be had. */
  async function cachedFile(item: MediaItem): Promise<CachedFile | null> {
    // A file uploaded offline has a local id and no public URL yet.
    if (item.id < 0 || !item.url) return null
    const session = ctx.session()
    const cache = cacheFor(session.accountId)
    const file = await cache.file(item)
    if (file && !item.localPath) {
      try {
        setMediaCachePath(session.store.db, item.id, `media-cache/${cache.fileName(item)}`)
      } catch {
        // Deleted while downloading.
      }
    }
    return file
  }

  /** The bytes, read only where the page cannot be given the app's own URL (the browser test host). */
  const bytesOf = (file: CachedFile): Promise<Buffer | null> => readFile(file.path).catch(() => null)

  return {
    'media-page': async (input) => mediaPage(db(), input),
    'media-get': async ({ id }) => getMedia(db(), id),
    'media-thumbnail': async ({ id }) => {
      const item = getMedia(db(), id)
      if (item.fileType !== 'image' || (item.fileSize ?? 0) > MAX_THUMBNAIL_BYTES) return { src: null }
      const file = await cachedFile(item).catch((error: unknown) => {
        if (error instanceof MediaTooLargeError) return null
        throw error
      })
      if (!file || file.size > MAX_THUMBNAIL_BYTES) return { src: null }
      const served = servedUrl(item)
      if (served) return { src: served }
      const bytes = await bytesOf(file)
      return { src: bytes ? `data:${item.mimeType ?? 'image/png'};base64,${bytes.toString('base64')}` : null }
    },
    'media-open': async ({ id }) => {
      const item = getMedia(db(), id)
      const file = await cachedFile(item)
      if (!file) throw new MediaUnavailableError()
      const mimeType = item.mimeType ?? 'application/octet-stream'
      const served = servedUrl(item)
      if (served) return { mimeType, src: served }
      const bytes = await bytesOf(file)
      if (!bytes) throw new MediaUnavailableError()
      return { mimeType, base64: bytes.toString('base64') }
    },
  }
}

class MediaUnavailableError extends Error {
  readonly type = 'network'
  constructor() {
    super(t().error_media_offline())
  }
}
