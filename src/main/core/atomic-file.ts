// The app's small JSON files (accounts.json, settings.json): written whole or not at all,
// and a damaged one set aside rather than trusted or deleted.
import { randomBytes } from 'node:crypto'
import { mkdir, open, rename, rm } from 'node:fs/promises'
import { dirname } from 'node:path'

/**
 * Temp file, fsync, rename, fsync of the folder: after a crash or a power cut the file is
 * the previous version or the new one, never a torn or empty one.
 */
export async function writeFileAtomic(path: string, text: string, mode = 0o600): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  try {
    const handle = await open(temp, 'w', mode)
    try {
      await handle.writeFile(text, 'utf8')
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temp, path)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
  await syncFolder(dirname(path))
}

/**
 * Makes the rename durable. Best effort: the new file is already in place, and some file
 * systems (and Windows) cannot sync a folder — that must not turn a save into a failure.
 */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return
  try {
    const handle = await open(folder, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    // Durable at the file system's next flush instead.
  }
}

/** Renames a damaged file to `<name>.damaged-<time>` beside it and returns the new path. */
export async function setAside(path: string, now: number): Promise<string> {
  const aside = `${path}.damaged-${new Date(now).toISOString().replace(/[:.]/g, '-')}`
  await rename(path, aside)
  return aside
}
