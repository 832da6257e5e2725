// What the media view reads: pages of the library, one file, and its bytes from the local
// cache (fetched once while online, kept within the media cache size).
import { z } from 'zod'
import { entityId, method } from './define'

const id = entityId

export const mediaItem = z.object({
  id: z.number(),
  name: z.string(),
  originalName: z.string().nullable(),
  url: z.string(),
  fileType: z.string().nullable(),
  mimeType: z.string().nullable(),
  extension: z.string().nullable(),
  fileSize: z.number().nullable(),
  formattedSize: z.string().nullable(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  uploadedBy: z.string().nullable(),
  isActive: z.boolean(),
  createdAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  localPath: z.string().nullable(),
  cachedAt: z.string().nullable(),
  pending: z.boolean(),
})
export type MediaItem = z.output<typeof mediaItem>
const mediaCursor = z.object({ at: z.number().int(), id }).strict()
export type MediaCursor = z.output<typeof mediaCursor>

export const mediaMethods = {
  'media-page': method(
    z
      .object({
        type: z.enum(['image', 'video']).optional(),
        search: z.string().max(200).optional(),
        limit: z.number().int().min(1).max(500).optional(),
        before: mediaCursor.optional(),
      })
      .strict(),
    z.object({ items: z.array(mediaItem), next: mediaCursor.nullable() }),
  ),
  'media-get': method(z.object({ id }).strict(), mediaItem),
  /**
   * An image as a data URL from the local cache (downloaded into it first when online).
   * null when there is nothing to show: a video, a file still uploading, or offline and not cached.
   */
  /** `src`: the app's media URL for the cached file (Electron), else a data URL; null when none. */
  'media-thumbnail': method(z.object({ id }).strict(), z.object({ src: z.string().nullable() })),
  /** The whole file from the cache, for the preview (a video to play); the page makes a blob URL. */
  'media-open': method(
    z.object({ id }).strict(),
    // A media URL where the app serves cached files itself; otherwise the bytes.
    z.union([z.object({ mimeType: z.string(), src: z.string() }), z.object({ mimeType: z.string(), base64: z.string() })]),
  ),
}
