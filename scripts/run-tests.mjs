// The project's test command (`npm test`): runs every vitest suite and ends with one plain
// line, "N passed, N failed, N skipped", counting every test that ran — CI reads that line.
import { spawnSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// In CI on Linux the keychain tests need a Secret Service: run everything inside a private
// D-Bus session with a throw-away, unlocked GNOME keyring and a fresh HOME (an old keyring
// with another password would be locked). Developers' machines use their own keychain.
const wantsPrivateKeyring =
  process.platform === 'linux' && (process.env.CI || process.env.SKYLIGHT_TEST_KEYRING) && !process.env.SKYLIGHT_KEYRING_READY
if (wantsPrivateKeyring && has('dbus-run-session') && has('gnome-keyring-daemon')) {
  const home = mkdtempSync(join(tmpdir(), 'skylight-desk-home-'))
  const env = { ...process.env, HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_RUNTIME_DIR: join(home, 'run'), SKYLIGHT_KEYRING_READY: '1' }
  mkdirSync(env.XDG_DATA_HOME, { recursive: true })
  mkdirSync(env.XDG_RUNTIME_DIR, { recursive: true })
  chmodSync(env.XDG_RUNTIME_DIR, 0o700)
  const inner = 'printf %s test | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"'
  const run = spawnSync('dbus-run-session', ['--', 'sh', '-c', inner, 'sh', process.execPath, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env,
  })
  rmSync(home, { recursive: true, force: true })
  process.exit(run.status ?? 1)
}

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0
}

const dir = mkdtempSync(join(tmpdir(), 'skylight-desk-tests-'))
const report = join(dir, 'vitest.json')
const vitest = spawnSync(
  process.execPath,
  ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { stdio: 'inherit' },
)

let passed = 0
let failed = 0
let skipped = 0
try {
  const results = JSON.parse(readFileSync(report, 'utf8'))
  passed = results.numPassedTests
  failed = results.numFailedTests
  skipped = results.numPendingTests + results.numTodoTests
  // A suite that failed to load has no tests to count but is still a failure.
  failed += results.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length
} catch {
  failed += 1
  console.error('The test run produced no report; counting it as a failure.')
}
rmSync(dir, { recursive: true, force: true })

console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed > 0 || vitest.status !== 0 ? 1 : 0)
