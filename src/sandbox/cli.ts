// `npm run sandbox [-- --port 4010 --seed 1 --size demo --host 127.0.0.1]`:
// a sandbox for trying the app by hand, with statuses and campaigns moving on their own.
import { parseArgs } from 'node:util'
import { startSandbox } from './index'
import { SIZE_PRESETS, type SizePreset } from './options'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    seed: { type: 'string', default: '1' },
    size: { type: 'string', default: 'demo' },
    host: { type: 'string', default: '127.0.0.1' },
    accounts: { type: 'string', default: '2' },
    // e.g. 120/1000: 120 requests per second instead of per minute, for benchmarks.
    'rate-limit': { type: 'string', default: '120/60000' },
    // Statuses and campaigns stay where they are unless driven through /__sandbox.
    still: { type: 'boolean', default: false },
  },
})

function fail(message: string): never {
  console.error(message)
  process.exit(2)
}

const port = Number(values.port)
const seed = Number(values.seed)
if (!Number.isInteger(port) || port < 0 || port > 65_535) fail(`--port must be 0..65535, got ${values.port}`)
if (!Number.isInteger(seed)) fail(`--seed must be an integer, got ${values.seed}`)
if (!(values.size in SIZE_PRESETS)) fail(`--size must be one of ${Object.keys(SIZE_PRESETS).join(', ')}`)
const accounts = Number(values.accounts)
if (!Number.isInteger(accounts) || accounts < 1 || accounts > 20) fail(`--accounts must be 1..20, got ${values.accounts}`)
const [limit, windowMs] = values['rate-limit'].split('/').map(Number)
if (!(limit! >= 1 && windowMs! >= 1)) fail(`--rate-limit must look like 120/60000 (requests/milliseconds), got ${values['rate-limit']}`)

const sandbox = await startSandbox({
  port,
  seed,
  host: values.host,
  size: values.size as SizePreset,
  accounts,
  rateLimit: { limit: limit!, windowMs: windowMs! },
  autoAdvance: values.still ? false : {},
})
console.log(`SkyLight sandbox listening on ${sandbox.url}`)
console.log(`API base URL: ${sandbox.apiUrl}`)
for (const account of sandbox.accounts) console.log(`  account ${account.id} (${account.name}): ${account.apiKey}`)
console.log('Control routes under /__sandbox/ (e.g. GET /__sandbox/accounts). Press Ctrl+C to stop.')

let stopping = false
const stop = (signal: string) => {
  if (stopping) return
  stopping = true
  console.log(`\n${signal}: stopping the sandbox…`)
  sandbox.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
}
process.on('SIGINT', () => stop('SIGINT'))
process.on('SIGTERM', () => stop('SIGTERM'))
