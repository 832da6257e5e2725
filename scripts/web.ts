// `npm run web`: SkyLight Desk in the system's Chromium or Chrome, for trying the app where
// Electron is not installed. The built interface talks to the core in this process through
// the browser host (127.0.0.1 only, a random token in the address), with a demo account
// added on first start. Keys stay in memory for this session: no OS keychain is touched.
//   npm run web                       a fresh data folder, deleted on exit
//   npm run web -- --data ./my-desk   keep the data folder between runs
//   npm run web -- --no-open          print the address instead of opening a browser
import { spawn, execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { openCore } from '../src/main/core'
import { SessionSecretStore } from '../src/main/core/secrets/secret-store'
import { startDeskHost } from '../test/e2e/host/desk-host'

const { values } = parseArgs({ options: { data: { type: 'string' }, 'no-open': { type: 'boolean' }, 'no-build': { type: 'boolean' } } })

const browsers = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
].filter((path): path is string => Boolean(path))

async function main(): Promise<void> {
  if (!values['no-build']) {
    console.log('Building the interface…')
    execFileSync(resolve('node_modules/.bin/electron-vite'), ['build'], { stdio: 'inherit' })
  }
  const dataDir = values.data ? resolve(values.data) : await mkdtemp(join(tmpdir(), 'skylight-desk-web-'))
  const core = await openCore({ dataDir, appVersion: 'web', keychain: new SessionSecretStore() })
  const list = await core.dispatch('accounts-list', {})
  if (list.ok && (list.value as { accounts: unknown[] }).accounts.length === 0) {
    const demo = await core.dispatch('account-add-demo', {})
    if (!demo.ok) throw new Error(demo.error.message)
  }
  const host = await startDeskHost(core)
  console.log(`\nSkyLight Desk is at ${host.url}\n(data: ${dataDir}${values.data ? '' : ', deleted on exit'}; Ctrl+C to stop)`)

  const browser = values['no-open'] ? undefined : browsers.find((path) => existsSync(path))
  const profile = browser ? await mkdtemp(join(tmpdir(), 'skylight-desk-web-browser-')) : undefined
  const child = browser
    ? spawn(browser, [`--app=${host.url}`, `--user-data-dir=${profile}`, '--no-first-run', '--no-default-browser-check', '--window-size=1280,800'], { stdio: 'ignore' })
    : undefined
  if (!browser && !values['no-open']) console.log('No Chromium or Chrome found (set CHROMIUM_PATH): open the address above in one.')

  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    child?.kill()
    await host.close()
    await core.close()
    if (profile) await rm(profile, { recursive: true, force: true })
    if (!values.data) await rm(dataDir, { recursive: true, force: true })
    process.exit(0)
  }
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
  // Closing the app window ends the session.
  child?.on('exit', () => void stop())
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
