// The window's last size and place, kept in a small JSON file in the user-data folder.
// A missing or damaged file just means "default placement"; writes replace the file whole.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { parseWindowState, type WindowState } from './window-bounds'

export function readWindowState(file: string): WindowState | undefined {
  try {
    return parseWindowState(JSON.parse(readFileSync(file, 'utf8')))
  } catch {
    return undefined
  }
}

export function writeWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true })
  // Write then rename, so a crash mid-write leaves the previous state, not half a file.
  const temp = `${file}.tmp`
  writeFileSync(temp, `${JSON.stringify(state)}\n`)
  renameSync(temp, file)
}
