// Runs a first sync in its own process, so a test can SIGKILL it at a random moment.
// argv: <store path> <sandbox url> <api key>
import { createSkyLightApi, RateBudget } from '../../../src/main/core/skylight'
import { openStore } from '../../../src/main/core/store'
import { AccountSync } from '../../../src/main/core/sync/account-sync'

const [path, url, apiKey] = process.argv.slice(2) as [string, string, string]
const store = openStore({ path })
const sync = new AccountSync({
  api: createSkyLightApi({ baseUrl: url, apiKey, budget: new RateBudget({ limit: 10_000, windowMs: 60_000 }) }),
  db: store.db,
  onEvent: (event) => {
    if (event.type === 'changed') console.log(`changed ${event.resources.join(',')}`)
  },
  timings: { pollMs: 3_600_000 },
})
await sync.syncNow()
console.log(`done ${sync.status.state}`)
await sync.stop()
store.close()
