// The user's settings, one small JSON file in the data folder; defaults where it is
// missing or damaged (a bad settings file must never stop the app from opening).
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { settings as settingsSchema, type Settings } from '../../shared/contract/app'

export const DEFAULT_SETTINGS: Settings = { syncIntervalSeconds: 30, mediaCacheMb: 1024 }

export async function loadSettings(dataDir: string): Promise<Settings> {
  try {
    const parsed = settingsSchema.partial().safeParse(JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8')))
    return { ...DEFAULT_SETTINGS, ...(parsed.success ? parsed.data : {}) }
  } catch {
    return { ...DEFAULT_SETTINGS }
  }
}

export async function saveSettings(dataDir: string, value: Settings): Promise<void> {
  await mkdir(dataDir, { recursive: true })
  const path = join(dataDir, 'settings.json')
  await writeFile(`${path}.tmp`, `${JSON.stringify(value, null, 2)}\n`)
  await rename(`${path}.tmp`, path)
}
