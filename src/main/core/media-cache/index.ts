import { join } from 'node:path'

export {
  MAX_MEDIA_FILE_BYTES,
  MediaCache,
  MediaTooLargeError,
  type CachedFile,
  type CachedFileSource,
  type MediaCacheOptions,
} from './media-cache'

/**
 * Cached files live apart from the account's database (dataDir/media-cache/<account>/), so
 * the app's media scheme can serve this folder and nothing else.
 */
export function mediaCacheFolder(dataDir: string, accountId: string): string {
  return join(dataDir, 'media-cache', accountId)
}
