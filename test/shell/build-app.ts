// Builds the app with electron-vite into a throw-away folder laid out like the project
// (package.json, out/, node_modules linked), so tests neither race nor touch ./out.
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const projectDir = fileURLToPath(new URL('../..', import.meta.url))

export interface BuiltApp {
  dir: string
  remove(): void
}

export function buildApp(): BuiltApp {
  const dir = mkdtempSync(join(tmpdir(), 'skylight-desk-app-'))
  const run = spawnSync(
    process.execPath,
    [join(projectDir, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--outDir', join(dir, 'out'), '--logLevel', 'warn'],
    { cwd: projectDir, encoding: 'utf8' },
  )
  if (run.status !== 0) {
    rmSync(dir, { recursive: true, force: true })
    throw new Error(`electron-vite build failed:\n${run.stdout}\n${run.stderr}`)
  }
  copyFileSync(join(projectDir, 'package.json'), join(dir, 'package.json'))
  symlinkSync(join(projectDir, 'node_modules'), join(dir, 'node_modules'), 'junction')
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}
