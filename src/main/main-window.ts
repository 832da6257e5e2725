// The app's one window: hardened options, reopened where the user left it, and its size
// and place saved (debounced while moving, at once on close) for next time.
import { BrowserWindow, screen } from 'electron'
import { placeWindow, type WindowState } from './window-bounds'
import { WINDOW_SIZE, windowOptions } from './window-options'
import { readWindowState, writeWindowState } from './window-state-file'

export interface MainWindowOptions {
  preloadPath: string
  /** The dev server's URL in development, else the app scheme's index.html (app-files.ts). */
  load: { url: string }
  /** JSON file holding the window's last bounds. */
  stateFile: string
  onStateError?: (error: unknown) => void
}

const SAVE_DELAY_MS = 500

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const primary = screen.getPrimaryDisplay()
  const others = screen.getAllDisplays().filter((display) => display.id !== primary.id)
  const workAreas = [primary, ...others].map((display) => display.workArea)
  const placement = placeWindow(readWindowState(options.stateFile), workAreas, WINDOW_SIZE)

  const window = new BrowserWindow(windowOptions(options.preloadPath, placement))
  if (placement.maximized) window.maximize()
  window.once('ready-to-show', () => window.show())
  // The title is main's (it carries the unread count), not the page's <title>.
  window.on('page-title-updated', (event) => event.preventDefault())

  let timer: NodeJS.Timeout | undefined
  const save = (): void => {
    clearTimeout(timer)
    timer = undefined
    if (window.isDestroyed() || window.isMinimized() || window.isFullScreen()) return
    const state: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() }
    try {
      writeWindowState(options.stateFile, state)
    } catch (error) {
      options.onStateError?.(error)
    }
  }
  const saveSoon = (): void => {
    clearTimeout(timer)
    timer = setTimeout(save, SAVE_DELAY_MS)
  }
  window.on('resize', saveSoon)
  window.on('move', saveSoon)
  window.on('maximize', saveSoon)
  window.on('unmaximize', saveSoon)
  window.on('close', save)

  void window.loadURL(options.load.url)
  return window
}
