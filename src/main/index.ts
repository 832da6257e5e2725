// Composition root of the Electron shell: wires the log, the core, the window, the IPC
// contract, the media scheme and the menu. Each piece lives in its own module; the logic
// lives in the core (src/main/core) so it runs and is tested under plain Node.
import { join } from 'node:path'
import { app, BrowserWindow, Menu, powerMonitor, session, shell } from 'electron'
import { createMainWindow } from './main-window'
import { appMenuTemplate } from './app-menu'
import { openCore, type Core } from './core'
import { t } from './core/language'
import { createLogger } from './core/log'
import { createAttention } from './attention'
import type { DeskNotice } from './attention-rules'
import { KeychainSecretStore } from './core/secrets/keychain-store'
import { emitEvent, registerContract } from './ipc'
import { APP_ENTRY_URL } from './app-files'
import { declareSchemes, serveAppFrom } from './app-protocol'
import { mediaUrl } from './media-files'
import { serveMediaFrom } from './media-protocol'
import { appUrlMatcher, guardWebContents } from './navigation'
import { hardenSession } from './session-hardening'
import type { EventPayload } from '../shared/contract'

const APP_NAME = 'SkyLight Desk'
const development = !app.isPackaged
const devServerUrl = development ? process.env['ELECTRON_RENDERER_URL'] : undefined
// The built interface, served to the window as app://desk/… (never file://).
const rendererDir = join(import.meta.dirname, '../renderer')
const isAppUrl = appUrlMatcher({ devServerUrl })

// Scheme privileges are accepted only before 'ready'.
declareSchemes()

const log = createLogger({
  dir: app.getPath('logs'),
  echo: development ? (level, entry) => console[level](entry) : undefined,
})
// Electron's default for these is a dialog or nothing; either way the log should know.
process.on('uncaughtException', (error) => log.error('Uncaught exception', error))
process.on('unhandledRejection', (reason) => log.error('Unhandled rejection', reason))

// Every web contents, including any a bug might create, gets the navigation rules.
app.on('web-contents-created', (_event, contents) => {
  guardWebContents(contents, isAppUrl, (url) => {
    shell.openExternal(url).catch((error: unknown) => log.warn('Could not open a link in the browser', error))
  })
})

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  log.info(`${APP_NAME} ${app.getVersion()} starting on ${process.platform} ${process.arch}, Electron ${process.versions.electron}`)
  await app.whenReady()

  hardenSession(session.defaultSession)
  serveAppFrom(session.defaultSession, rendererDir)
  serveMediaFrom(session.defaultSession, join(app.getPath('userData'), 'media-cache'))
  // Built again in the user's language whenever it changes (the core keeps the setting).
  const setMenu = (): void =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        appMenuTemplate({
          appName: APP_NAME,
          platform: process.platform,
          development,
          openLogFolder: () => void shell.openPath(app.getPath('logs')),
          messages: t(),
        }),
      ),
    )

  const core: Core = await openCore({
    dataDir: app.getPath('userData'),
    appVersion: app.getVersion(),
    keychain: new KeychainSecretStore(APP_NAME),
    mediaUrl,
    // Its own entry in electron.vite.config.ts, built beside this file.
    syncThreadEntry: new URL('./sync-thread.js', import.meta.url),
    onInternalError: (error) => log.error('Core error', error),
    // Every key the core holds is redacted from the log, whatever shape it is logged in.
    redactor: log,
    systemLocale: app.getLocale(),
  })
  setMenu()
  registerContract(core.dispatch, isAppUrl)
  core.on((event, payload) => emitEvent(window.webContents, event, payload))
  const attention = createAttention({
    appName: APP_NAME,
    window: () => (window.isDestroyed() ? undefined : window),
    openConversation: (accountId, contactId) => {
      if (window.isDestroyed()) window = openWindow()
      if (window.isMinimized()) window.restore()
      window.focus()
      emitEvent(window.webContents, 'open-conversation', { accountId, contactId })
    },
    showWindow: () => {
      if (window.isDestroyed()) window = openWindow()
      if (window.isMinimized()) window.restore()
      window.show()
      window.focus()
    },
  })
  core.on((event, payload) => {
    if (event === 'inbound-message') {
      // The user's current choice, read when the message comes (Settings may have changed it).
      void core.handlers['settings-get']({}).then((prefs) => attention.notifyInbound(payload as EventPayload<'inbound-message'>, prefs))
    }
    if (event === 'kb-processed') attention.notifyKbProcessed(payload as EventPayload<'kb-processed'>)
    if (event === 'ticket-answered' || event === 'web-chat-waiting' || event === 'web-chat-visitor-message') {
      const notice = { kind: event, ...(payload as object) } as DeskNotice
      void core.handlers['settings-get']({}).then((prefs) => attention.notifyDeskNotice(notice, prefs))
    }
    if (event === 'notify') {
      void core.handlers['settings-get']({}).then((prefs) => attention.notifyText(payload as EventPayload<'notify'>, prefs))
    }
    if (event === 'settings-changed') setMenu()
    if (event === 'unread-total') attention.setUnread((payload as EventPayload<'unread-total'>).count)
    if (event === 'channel-dropped') attention.notifyChannelDropped(payload as EventPayload<'channel-dropped'>)
  })
  // After sleep every account catches up at once instead of waiting for its next poll.
  powerMonitor.on('resume', () => core.resume())

  const openWindow = (): BrowserWindow =>
    createMainWindow({
      preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
      load: { url: devServerUrl ?? APP_ENTRY_URL },
      stateFile: join(app.getPath('userData'), 'window-state.json'),
      onStateError: (error) => log.warn('Could not save the window position', error),
    })
  let window = openWindow()

  app.on('second-instance', () => {
    if (window.isDestroyed()) window = openWindow()
    if (window.isMinimized()) window.restore()
    window.focus()
  })
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) window = openWindow()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  // Quitting waits for the core to close its databases, then quits for real.
  let closed = false
  app.on('will-quit', (event) => {
    if (closed) return
    event.preventDefault()
    core
      .close()
      .catch((error: unknown) => log.error('Core did not close cleanly', error))
      .finally(() => {
        closed = true
        log.info('Stopped')
        log.close()
        app.quit()
      })
  })
}

main().catch((error: unknown) => {
  log.error('Start-up failed', error)
  log.close()
  app.exit(1)
})
