// The user's settings, one small JSON file in the data folder; defaults where it is
// missing. A damaged one (not JSON, or values out of range) is set aside as
// settings.json.damaged-<time> and the user is told — it never stops the app from opening.
import { readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { settings as settingsSchema, type Settings } from '../../shared/contract/app'
import { setAside, writeFileAtomic } from './atomic-file'
import { savingTo } from './disk-full'
import { t, useLanguage } from './language'

export const DEFAULT_SETTINGS: Settings = {
  syncIntervalSeconds: 30,
  mediaCacheMb: 1024,
  notifications: true,
  notificationSound: true,
  sendWith: 'enter',
  language: 'system',
  digits: 'latin',
}

export interface LoadedSettings {
  settings: Settings
  /** For the user, when the file was damaged and set aside. */
  notice: string | null
}

export async function loadSettings(dataDir: string, now = Date.now()): Promise<LoadedSettings> {
  const path = join(dataDir, 'settings.json')
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch {
    // Missing (first start) or unreadable: defaults; the next save writes a good one.
    return { settings: { ...DEFAULT_SETTINGS }, notice: null }
  }
  const parsed = settingsSchema.partial().safeParse(parseJson(text))
  if (parsed.success) return { settings: { ...DEFAULT_SETTINGS, ...parsed.data }, notice: null }
  const aside = await setAside(path, now).catch(() => null)
  // The defaults are in force now, their language included.
  useLanguage(DEFAULT_SETTINGS)
  return {
    settings: { ...DEFAULT_SETTINGS },
    notice: aside ? t().core_settings_damaged_kept({ file: basename(aside) }) : t().core_settings_damaged(),
  }
}

export async function saveSettings(dataDir: string, value: Settings): Promise<void> {
  await savingTo('your settings', () => writeFileAtomic(join(dataDir, 'settings.json'), `${JSON.stringify(value, null, 2)}\n`))
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
