// The core's own answers for renderer tests: a real store file seeded like the core's store
// tests, read through the core's inbox and contact handlers, each answer checked against
// the contract's output schema — so a view is tested with exactly what the core sends.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { methods } from '../../src/shared/contract'
import { contactHandlers } from '../../src/main/core/handlers/contacts'
import type { HandlerContext } from '../../src/main/core/handlers/context'
import { inboxHandlers } from '../../src/main/core/handlers/inbox'
import { openStore, type Store } from '../../src/main/core/store'

export interface CoreStore {
  store: Store
  close(): void
}

export function openCoreStore(): CoreStore {
  const dir = mkdtempSync(join(tmpdir(), 'renderer-core-'))
  const store = openStore({ path: join(dir, 'account.sqlite') })
  return {
    store,
    close: () => {
      store.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

type Served = 'search' | 'search-count' | 'thread-page' | 'conversations-page' | 'contact-get'

/** Answers these methods on the fake bridge from the real store, as the core would. */
/** What this needs of the renderer tests' fake bridge (src/renderer/test/fake-desk.ts). */
interface AnswersCalls {
  handle(method: string, handler: (input: never) => Promise<unknown>): void
}

export function serveFromCore(desk: AnswersCalls, core: CoreStore, names: readonly Served[]): void {
  // A contact is re-read from SkyLight when opened; there is no SkyLight here.
  const session = { store: core.store, sync: { fetchContact: async () => undefined } }
  const ctx = { session: () => session } as unknown as HandlerContext
  const handlers = { ...inboxHandlers(ctx), ...contactHandlers(ctx) }
  for (const name of names) {
    const spec = methods[name]
    const handler = handlers[name] as (input: unknown) => Promise<unknown>
    desk.handle(name, async (input: never) => spec.output.parse(await handler(spec.input.parse(input))))
  }
}
