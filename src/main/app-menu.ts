// The application menu: the platform's usual roles (so copy, paste, undo and the macOS app
// menu behave as users expect), developer tools only in development, and a way to the logs.
import type { MenuItemConstructorOptions } from 'electron'
import { messagesFor, type Messages } from '../shared/i18n/messages'

export interface AppMenuOptions {
  appName: string
  platform: NodeJS.Platform
  /** Development builds get reload and developer tools. */
  development: boolean
  openLogFolder: () => void
  /** The menu's own labels in the core's language (roles are labelled by the OS/Electron). */
  messages?: Messages
}

export function appMenuTemplate(options: AppMenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin'
  const t = options.messages ?? messagesFor('en', 'latin')
  const macAppMenu: MenuItemConstructorOptions = {
    label: options.appName,
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  }
  const view: MenuItemConstructorOptions[] = [
    ...(options.development
      ? ([{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as const)
      : []),
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ]
  return [
    ...(mac ? [macAppMenu] : []),
    { role: 'fileMenu', submenu: [mac ? { role: 'close' } : { role: 'quit' }] },
    {
      role: 'editMenu',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        ...(mac ? ([{ role: 'pasteAndMatchStyle' }] as const) : []),
        { role: 'delete' },
        { type: 'separator' },
        { role: 'selectAll' },
      ],
    },
    { label: t.menu_view(), submenu: view },
    {
      role: 'windowMenu',
      submenu: mac
        ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }]
        : [{ role: 'minimize' }, { role: 'close' }],
    },
    {
      role: 'help',
      submenu: [{ label: t.menu_open_log_folder(), click: () => options.openLogFolder() }],
    },
  ]
}
