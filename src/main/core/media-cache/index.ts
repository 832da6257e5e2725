export { MediaCache, type CachedFileSource, type MediaCacheOptions } from './media-cache'
