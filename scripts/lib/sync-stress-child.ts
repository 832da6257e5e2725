// One sync run in its own process, for stress-sync.ts to SIGKILL at random moments.
// argv: <store path> <sandbox url> <api key> <first | full>
// Prints "changed …" as pages are written and "done <state> <message>" at the end.
import { createSkyLightApi, RateBudget } from '../../src/main/core/skylight'
import { openStore } from '../../src/main/core/store'
import { AccountSync } from '../../src/main/core/sync/account-sync'

const [path, url, apiKey, kind] = process.argv.slice(2) as [string, string, string, 'first' | 'full']
const store = openStore({ path })
const sync = new AccountSync({
  // Few retries, so faults do end runs midway and the next run has to resume.
  api: createSkyLightApi({ baseUrl: url, apiKey, budget: new RateBudget({ limit: 10_000, windowMs: 60_000 }), retryBaseMs: 5, retryMaxMs: 20, maxAttempts: 2, timeoutMs: 3_000 }),
  db: store.db,
  onEvent: (event) => {
    if (event.type === 'changed') console.log(`changed ${event.resources.join(',')}`)
  },
  timings: { pollMs: 3_600_000 },
})
await sync.syncNow(kind)
console.log(`done ${sync.status.state} ${sync.status.message ?? ''}`)
await sync.stop()
store.close()
