// The app:// scheme in Electron: the interface is served from the built renderer folder by
// app-files.ts, so the window never loads file:// (the file-protocol privileges fuse is off
// in electron-builder.yml). Declared with the media scheme in one call: Electron takes the
// privileged schemes once, before the app is ready.
import { protocol, type Session } from 'electron'
import { APP_SCHEME, serveAppRequest } from './app-files'
import { MEDIA_SCHEME_PRIVILEGES } from './media-protocol'

/** Must run before app 'ready'. */
export function declareSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    // Standard and secure like https: its own origin (app://desk), ES modules, fetch, and a
    // V8 code cache for the bundle (the module script tag asks in CORS mode).
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
    MEDIA_SCHEME_PRIVILEGES,
  ])
}

export function serveAppFrom(session: Session, rendererDir: string): void {
  session.protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, rendererDir))
}
