import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { appMenuTemplate } from '../../src/main/app-menu'
import { messagesFor } from '../../src/shared/i18n/messages'

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ])
}

describe('the application menu', () => {
  const base = { appName: 'SkyLight Desk', development: false, openLogFolder: () => {} }

  it('has the macOS app menu first on macOS only', () => {
    const mac = appMenuTemplate({ ...base, platform: 'darwin' })
    expect(mac[0]!.label).toBe('SkyLight Desk')
    expect(roles([mac[0]!])).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit'])
    const win = appMenuTemplate({ ...base, platform: 'win32' })
    expect(win[0]!.role).toBe('fileMenu')
    expect(roles(win)).not.toContain('about')
    expect(roles(win)).toContain('quit')
  })

  it('has the edit roles text fields rely on', () => {
    expect(roles(appMenuTemplate({ ...base, platform: 'linux' }))).toEqual(
      expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']),
    )
  })

  it('offers developer tools only in development', () => {
    expect(roles(appMenuTemplate({ ...base, platform: 'linux' }))).not.toContain('toggleDevTools')
    expect(roles(appMenuTemplate({ ...base, platform: 'linux', development: true }))).toContain('toggleDevTools')
  })

  it('opens the log folder from Help', () => {
    const openLogFolder = vi.fn()
    const help = appMenuTemplate({ ...base, platform: 'linux', openLogFolder }).find((item) => item.role === 'help')!
    const item = (help.submenu as MenuItemConstructorOptions[])[0]!
    item.click!({} as never, undefined, {} as never)
    expect(openLogFolder).toHaveBeenCalledOnce()
  })

  // Electron names an unlabelled role in the operating system's language: every item is
  // labelled from the catalog so the menu follows the language chosen in Settings.
  it('labels every item, roles included, in the chosen language', () => {
    const unlabelled = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
      items.flatMap((item) => [...(item.type !== 'separator' && !item.label ? [item] : []), ...(Array.isArray(item.submenu) ? unlabelled(item.submenu) : [])])
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      expect(unlabelled(appMenuTemplate({ ...base, platform, development: true }))).toEqual([])
    }
    const arabic = appMenuTemplate({ ...base, platform: 'darwin', messages: messagesFor('ar', 'latin') })
    const labels = (items: MenuItemConstructorOptions[]): string[] =>
      items.flatMap((item) => [...(item.label ? [item.label] : []), ...(Array.isArray(item.submenu) ? labels(item.submenu) : [])])
    expect(labels(arabic)).toEqual(expect.arrayContaining(['ملف', 'تحرير', 'نسخ', 'لصق', 'إنهاء SkyLight Desk', 'مساعدة']))
    expect(labels(appMenuTemplate({ ...base, platform: 'win32' }))).toContain('Exit')
  })
})
