// An outbox over real HTTP against the sandbox, into a real store file in a temp folder.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { Outbox, type OutboxEvent, type OutboxTimings } from '../../../src/main/core/outbox'
import { createSkyLightApi, RateBudget, type SkyLightApi } from '../../../src/main/core/skylight'
import { openStore, replaceLists, upsertContacts, type Store } from '../../../src/main/core/store'
import { startSandbox, type Sandbox } from '../../../src/sandbox'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

export interface Harness {
  sandbox: Sandbox
  store: Store
  dir: string
  accountId: number
  api(key?: string): SkyLightApi
  outbox(options?: { timings?: Partial<OutboxTimings>; api?: SkyLightApi; now?: () => number }): { outbox: Outbox; events: OutboxEvent[] }
  /** Waits until nothing is queued or in flight. */
  drained(outbox: Outbox, timeoutMs?: number): Promise<void>
  /** Stores a server contact locally, as sync would. */
  syncContact(id: number): Promise<void>
}

export const fastTimings: Partial<OutboxTimings> = { retryBaseMs: 10, retryMaxMs: 40, maxRetryMs: 5_000, progressEveryMs: 0 }

export async function harness(): Promise<Harness> {
  const sandbox = await startSandbox({ port: 0, seed: 7, accounts: 1, rateLimit: { limit: 10_000, windowMs: 60_000 } })
  const dir = await mkdtemp(join(tmpdir(), 'skylight-outbox-'))
  const store = openStore({ path: join(dir, 'account.sqlite') })
  const outboxes: Outbox[] = []
  cleanups.push(async () => {
    for (const o of outboxes) await o.stop()
    store.close()
    await sandbox.close()
    await rm(dir, { recursive: true, force: true })
  })
  const account = sandbox.accounts[0]!
  const api = (key = account.apiKey) =>
    createSkyLightApi({
      baseUrl: sandbox.url,
      apiKey: key,
      budget: new RateBudget({ limit: 10_000, windowMs: 60_000 }),
      retryBaseMs: 5,
      retryMaxMs: 20,
      maxAttempts: 2,
      timeoutMs: 5_000,
    })
  const h: Harness = {
    sandbox,
    store,
    dir,
    accountId: account.id,
    api,
    outbox(options = {}) {
      const events: OutboxEvent[] = []
      const outbox = new Outbox({
        api: options.api ?? api(),
        db: store.db,
        stagingDir: join(dir, 'staging'),
        onEvent: (e) => events.push(e),
        timings: { ...fastTimings, ...options.timings },
        ...(options.now ? { now: options.now } : {}),
      })
      outboxes.push(outbox)
      return { outbox, events }
    },
    async drained(outbox, timeoutMs = 60_000) {
      const until = Date.now() + timeoutMs
      for (;;) {
        const c = outbox.counts()
        if (c.queued + c.inFlight === 0) return
        if (Date.now() > until) throw new Error(`outbox not drained: ${JSON.stringify(outbox.list({ states: ['queued', 'in-flight'] }))}`)
        await new Promise((r) => setTimeout(r, 10))
      }
    },
    async syncContact(id) {
      upsertContacts(store.db, [await api().contacts.get(id)])
    },
  }
  const lists = (await api().lists.list()).items
  replaceLists(store.db, lists)
  return h
}

/** A server contact on a connected channel (the sandbox's whatsapp channel is connected by default). */
export async function serverContact(h: Harness, name: string, phone: string, type: 'whatsapp' | 'telegram' | 'instagram' = 'whatsapp') {
  const c = await h.api().contacts.create({ name, phone, type })
  await h.syncContact(c.id)
  return c
}

export const apiRequests = (h: Harness) => h.sandbox.control.requestLog().filter((e) => e.path.startsWith('/api/v1'))
