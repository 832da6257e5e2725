// The skylight-media:// scheme in Electron: declared privileged before the app is ready
// (secure like https, fetchable, streamable for <video>/<audio> seeking) and answered by
// media-files.ts from the cache folder only.
import type { CustomScheme, Session } from 'electron'
import { MEDIA_SCHEME, serveMediaRequest } from './media-files'

/** Declared with the app scheme before 'ready' (app-protocol.ts: Electron takes them in one call). */
export const MEDIA_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: MEDIA_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
}

export function serveMediaFrom(session: Session, cacheDir: string): void {
  session.protocol.handle(MEDIA_SCHEME, (request) => serveMediaRequest(request, cacheDir))
}
