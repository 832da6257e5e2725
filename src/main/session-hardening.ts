// Session-wide rules for the app's pages: every permission request is refused (the app
// asks the OS for nothing through the page: notifications come from main), and responses
// served over http (the dev server) carry the same Content-Security-Policy as index.html.
import type { Session } from 'electron'
import { CONTENT_SECURITY_POLICY } from './window-options'

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } })
  })
}
