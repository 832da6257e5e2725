// Before `npm start` / `npm run dev`: Electron's binary (about 100 MB) is downloaded once, on
// first use. Offline, that download fails with a stack trace; say plainly what is needed.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)
const root = dirname(require.resolve('electron/package.json'))
const pathFile = join(root, 'path.txt')
const installed = () => existsSync(pathFile) && existsSync(join(root, 'dist', readFileSync(pathFile, 'utf8')))

if (process.env.ELECTRON_OVERRIDE_DIST_PATH || process.env.ELECTRON_EXEC_PATH || installed()) process.exit(0)

console.log('SkyLight Desk runs on Electron, whose program (about 100 MB) is downloaded once. Downloading it now…')
const result = spawnSync(process.execPath, [join(root, 'install.js')], { stdio: 'inherit' })
if (result.status !== 0 || !installed()) {
  console.error(
    '\nElectron could not be downloaded. It is needed once, with an internet connection: run `npx install-electron` ' +
      'when you are online, then `npm start` again. To try the interface without Electron, run `npm run web`.',
  )
  process.exit(1)
}
