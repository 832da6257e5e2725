// Launches the real app in Electron with Playwright and checks the window shows it. Runs
// only where an Electron binary is installed (never downloads one) and a display exists
// or Xvfb can provide one; otherwise it says plainly that it was skipped.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { _electron, type ElectronApplication, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp, type BuiltApp } from './build-app'

/** The binary `npx install-electron` put in place, found the way electron's index.js finds it but without its download fallback. */
function installedElectron(): string | undefined {
  const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  const pathFile = join(packageDir, 'path.txt')
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH']
  const binary = override ? join(override, relative ?? 'electron') : relative ? join(packageDir, 'dist', relative) : undefined
  return binary && existsSync(binary) ? binary : undefined
}

/** A display for the window: the session's own, or a private Xvfb on a headless Linux. */
async function display(): Promise<{ env: Record<string, string>; stop: () => void } | string> {
  const hasDisplay = process.platform !== 'linux' || process.env['DISPLAY'] || process.env['WAYLAND_DISPLAY']
  if (hasDisplay) return { env: {}, stop: () => {} }
  let xvfb: ChildProcess
  try {
    xvfb = spawn('Xvfb', ['-displayfd', '1', '-screen', '0', '1280x900x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'pipe', 'ignore'] })
  } catch {
    return 'no display and no Xvfb'
  }
  const number = await new Promise<string | undefined>((resolve) => {
    xvfb.once('error', () => resolve(undefined))
    xvfb.stdout!.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()))
  })
  if (!number) return 'no display and no Xvfb'
  return { env: { DISPLAY: `:${number}` }, stop: () => xvfb.kill() }
}

/** The page's globals as these checks see them (this file is type-checked without the DOM). */
interface PageWindow {
  desk: { invoke(method: string, input: object): Promise<unknown> } & object
  require?: unknown
  process?: unknown
  open(url: string): unknown
  location: { href: string }
}

const electronBinary = installedElectron()
if (!electronBinary) {
  console.log(
    'SKIPPED: Electron launch test — no Electron binary installed (node_modules/electron/dist). ' +
      'Run `npx install-electron` on a connected machine to enable it.',
  )
}

describe.skipIf(!electronBinary)('the app in Electron', () => {
  let built: BuiltApp
  let home: string
  let electronApp: ElectronApplication
  let page: Page
  let stopDisplay = (): void => {}

  beforeAll(async () => {
    const screen = await display()
    if (typeof screen === 'string') throw new Error(`Cannot show a window: ${screen}`)
    stopDisplay = screen.stop
    built = buildApp()
    home = mkdtempSync(join(tmpdir(), 'skylight-desk-home-'))
    const env: Record<string, string> = {}
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value
    delete env['ELECTRON_RENDERER_URL']
    delete env['ELECTRON_RUN_AS_NODE']
    electronApp = await _electron.launch({
      executablePath: electronBinary!,
      // The app's own user-data folder, so a developer's real accounts are never touched.
      args: [
        built.dir,
        `--user-data-dir=${join(home, 'user-data')}`,
        // Chromium refuses to run as root with its sandbox (CI containers); the page's own
        // sandbox setting is still checked below through the window options.
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      ],
      env: { ...env, ...screen.env, XDG_CONFIG_HOME: join(home, 'config') },
      cwd: built.dir,
      timeout: 60_000,
    })
    page = await electronApp.firstWindow()
    await page.waitForLoadState('domcontentloaded')
  }, 120_000)

  afterAll(async () => {
    await electronApp?.close()
    stopDisplay()
    built?.remove()
    if (home) rmSync(home, { recursive: true, force: true })
  })

  it('shows the app in its window', async () => {
    await page.getByText('SkyLight Desk').first().waitFor({ timeout: 20_000 })
    expect(await electronApp.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)
    const shown = await electronApp.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.isVisible())
    expect(shown).toBe(true)
    // Served from the app's own scheme, never from file:// (the fuse for its privileges is off).
    expect(page.url()).toBe('app://desk/index.html')
  })

  it('gives the page the bridge and nothing of Node', async () => {
    const seen = await page.evaluate(() => {
      const page = globalThis as unknown as PageWindow
      return { bridge: Object.keys(page.desk).sort(), require: typeof page.require, process: typeof page.process }
    })
    expect(seen).toEqual({ bridge: ['invoke', 'on', 'pathForFile'], require: 'undefined', process: 'undefined' })
    const info = await page.evaluate(() => (globalThis as unknown as PageWindow).desk.invoke('app-info', {}))
    expect(info).toMatchObject({ ok: true, value: { name: 'SkyLight Desk' } })
  })

  it('adds the demo account and reads its inbox', async () => {
    // The same steps as the browser journeys (test/e2e), whose selectors run in Chromium on every CI run.
    await page.getByRole('button', { name: 'Try a demo account' }).click()
    const list = page.getByRole('listbox', { name: 'Conversations, newest first' })
    await list.waitFor({ timeout: 60_000 })
    await expect.poll(() => list.getByRole('option').count(), { timeout: 90_000 }).toBeGreaterThan(5)
    await list.focus()
    await page.keyboard.press('ArrowDown')
    const thread = page.getByRole('log', { name: 'Messages, oldest first' })
    await expect.poll(() => thread.locator('.bubble').count(), { timeout: 30_000 }).toBeGreaterThan(0)
  }, 180_000)

  it('does not let the page open windows or leave the app', async () => {
    await page.evaluate(() => {
      // Not an http(s) link, so nothing is handed to the desktop's browser either.
      ;(globalThis as unknown as PageWindow).open('file:///etc/hosts')
    })
    expect(await electronApp.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)
    const before = page.url()
    await page.evaluate(() => {
      ;(globalThis as unknown as PageWindow).location.href = 'file:///etc/hosts'
    })
    await page.waitForTimeout(300)
    expect(page.url()).toBe(before)
  })
})
