// The hardened settings of the app's window, kept apart from Electron calls so a plain
// Node test can inspect them (DESIGN.md, "Security").
import type { BrowserWindowConstructorOptions } from 'electron'
import { MEDIA_SCHEME } from './media-files'
import type { Placement, SizeLimits } from './window-bounds'

/** The first-run size and the smallest size the layout supports. */
export const WINDOW_SIZE: SizeLimits = { width: 1200, height: 800, minWidth: 760, minHeight: 520 }

export function windowOptions(preloadPath: string, placement?: Placement): BrowserWindowConstructorOptions {
  return {
    width: WINDOW_SIZE.width,
    height: WINDOW_SIZE.height,
    ...placement?.bounds,
    minWidth: WINDOW_SIZE.minWidth,
    minHeight: WINDOW_SIZE.minHeight,
    show: false,
    title: 'SkyLight Desk',
    backgroundColor: '#f6f7f9',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    },
  }
}

/**
 * No remote scripts, no inline scripts, nothing fetched from the network by the page.
 * Pictures, audio and video come from the app itself or from the media cache through the
 * app's own scheme (media-files.ts); never from a remote server.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  `img-src 'self' ${MEDIA_SCHEME}: data: blob:`,
  `media-src 'self' ${MEDIA_SCHEME}: blob:`,
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')
