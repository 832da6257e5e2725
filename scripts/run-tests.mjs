// The project's test command (`npm test`): runs every vitest suite and ends with one plain
// line, "N passed, N failed, N skipped", counting every test that ran — CI reads that line.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

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
