// The application menu: the platform's usual roles (so copy, paste, undo and the macOS app
// menu behave as users expect), developer tools only in development, and a way to the logs.
// Every item carries its label from the catalog: a role left unlabelled is named by
// Electron in the operating system's language, not the one chosen in Settings.
import type { MenuItemConstructorOptions } from 'electron'
import { messagesFor, type Messages } from '../shared/i18n/messages'

export interface AppMenuOptions {
  appName: string
  platform: NodeJS.Platform
  /** Development builds get reload and developer tools. */
  development: boolean
  openLogFolder: () => void
  /** The menu's labels in the core's language (English when left out). */
  messages?: Messages
}

type Role = NonNullable<MenuItemConstructorOptions['role']>

export function appMenuTemplate(options: AppMenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin'
  const t = options.messages ?? messagesFor('en', 'latin')
  const app = options.appName
  const item = (role: Role, label: string): MenuItemConstructorOptions => ({ role, label })
  const separator: MenuItemConstructorOptions = { type: 'separator' }
  // Electron's own wording: "Quit App" on macOS and Linux, "Exit" on Windows.
  const quit = item('quit', options.platform === 'win32' ? t.menu_exit() : t.menu_quit({ app }))
  const macAppMenu: MenuItemConstructorOptions = {
    label: app,
    submenu: [
      item('about', t.menu_about({ app })),
      separator,
      item('services', t.menu_services()),
      separator,
      item('hide', t.menu_hide({ app })),
      item('hideOthers', t.menu_hide_others()),
      item('unhide', t.menu_show_all()),
      separator,
      quit,
    ],
  }
  const view: MenuItemConstructorOptions[] = [
    ...(options.development
      ? [item('reload', t.menu_reload()), item('forceReload', t.menu_force_reload()), item('toggleDevTools', t.menu_developer_tools()), separator]
      : []),
    item('resetZoom', t.menu_actual_size()),
    item('zoomIn', t.menu_zoom_in()),
    item('zoomOut', t.menu_zoom_out()),
    separator,
    item('togglefullscreen', t.menu_full_screen()),
  ]
  return [
    ...(mac ? [macAppMenu] : []),
    { role: 'fileMenu', label: t.menu_file(), submenu: [mac ? item('close', t.menu_close_window()) : quit] },
    {
      role: 'editMenu',
      label: t.menu_edit(),
      submenu: [
        item('undo', t.menu_undo()),
        item('redo', t.menu_redo()),
        separator,
        item('cut', t.menu_cut()),
        item('copy', t.menu_copy()),
        item('paste', t.menu_paste()),
        ...(mac ? [item('pasteAndMatchStyle', t.menu_paste_match_style())] : []),
        item('delete', t.menu_delete()),
        separator,
        item('selectAll', t.menu_select_all()),
      ],
    },
    { label: t.menu_view(), submenu: view },
    {
      role: 'windowMenu',
      label: t.menu_window(),
      submenu: mac
        ? [item('minimize', t.menu_minimize()), item('zoom', t.menu_zoom_window()), separator, item('front', t.menu_bring_all_to_front())]
        : [item('minimize', t.menu_minimize()), item('close', t.menu_close_window())],
    },
    {
      role: 'help',
      label: t.menu_help(),
      submenu: [{ label: t.menu_open_log_folder(), click: () => options.openLogFolder() }],
    },
  ]
}
