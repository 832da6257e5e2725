import { join } from 'node:path'

export { MediaCache, type CachedFileSource, type MediaCacheOptions } from './media-cache'

/**
 * Cached files live apart from the account's database (dataDir/media-cache/<account>/), so
 * the app's media scheme can serve this folder and nothing else.
 */
export function mediaCacheFolder(dataDir: string, accountId: string): string {
  return join(dataDir, 'media-cache', accountId)
}
