// `npm run sandbox [-- --port 4010 --seed 1 --size demo --host 127.0.0.1 --control open]`:
// a sandbox for trying the app by hand, with statuses and campaigns moving on their own.
import { parseArgs } from 'node:util'
import { startSandbox } from './index'
import { CONTROL_ROUTES, type ControlRoutes, SIZE_PRESETS, type SizePreset } from './options'

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
    // open | api-key | off: who may use /__sandbox (api-key: any of the printed keys as a Bearer token).
    control: { type: 'string', default: 'open' },
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

if (!(CONTROL_ROUTES as readonly string[]).includes(values.control)) fail(`--control must be one of ${CONTROL_ROUTES.join(', ')}, got ${values.control}`)
const controlRoutes = values.control as ControlRoutes

const sandbox = await startSandbox({
  port,
  seed,
  host: values.host,
  size: values.size as SizePreset,
  accounts,
  rateLimit: { limit: limit!, windowMs: windowMs! },
  autoAdvance: values.still ? false : {},
  controlRoutes,
})
console.log(`SkyLight sandbox listening on ${sandbox.url}`)
console.log(`API base URL: ${sandbox.apiUrl}`)
for (const account of sandbox.accounts) console.log(`  account ${account.id} (${account.name}): ${account.apiKey}`)
const controlNote = {
  open: 'Control routes under /__sandbox/ (e.g. GET /__sandbox/accounts).',
  'api-key': 'Control routes under /__sandbox/ need one of the keys above as a Bearer token.',
  off: 'No control routes.',
}[controlRoutes]
console.log(`${controlNote} Press Ctrl+C to stop.`)

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
