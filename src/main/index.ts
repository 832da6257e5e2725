// Composition root of the Electron shell: wires the core, the window and the IPC contract.
// Logic lives in the core (src/main/core) so it runs and is tested under plain Node.
import { join } from 'node:path'
import { app, BrowserWindow, session, shell } from 'electron'
import { openCore, type Core } from './core'
import { registerContract } from './ipc'
import { CONTENT_SECURITY_POLICY, windowOptions } from './window-options'

const rendererDevUrl = process.env['ELECTRON_RENDERER_URL']

function isTrustedUrl(url: string): boolean {
  if (rendererDevUrl && !app.isPackaged) return url.startsWith(rendererDevUrl)
  return url.startsWith('file://')
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow(windowOptions(join(import.meta.dirname, '../preload/index.cjs')))
  window.once('ready-to-show', () => window.show())
  // The app never navigates away from itself; external links open in the user's browser.
  window.webContents.on('will-navigate', (event, url) => {
    if (!isTrustedUrl(url)) event.preventDefault()
  })
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  if (rendererDevUrl && !app.isPackaged) void window.loadURL(rendererDevUrl)
  else void window.loadFile(join(import.meta.dirname, '../renderer/index.html'))
  return window
}

function hardenSession(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    })
  })
}

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  await app.whenReady()
  hardenSession()
  const core: Core = await openCore({
    dataDir: app.getPath('userData'),
    appVersion: app.getVersion(),
    onInternalError: (error) => console.error('[core]', error),
  })
  registerContract(core.dispatch, isTrustedUrl)

  let window = createWindow()
  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore()
    window.focus()
  })
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) window = createWindow()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('will-quit', () => void core.close())
}

void main()
