import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSkyLightApi, RateBudget } from '../../src/main/core/skylight'
import { openStore } from '../../src/main/core/store'
import { SyncThread } from '../../src/main/core/sync/thread/sync-thread'
import { startSandbox } from '../../src/sandbox'
import { localSnapshot, serverSnapshot } from '../core/sync/snapshot'
import { buildApp, projectDir, type BuiltApp } from './build-app'

let app: BuiltApp
beforeAll(() => {
  app = buildApp()
}, 120_000)
afterAll(() => app?.remove())

describe('electron-vite build', () => {
  it('writes main, a CommonJS preload and the renderer', () => {
    expect(existsSync(join(app.dir, 'out/main/index.js'))).toBe(true)
    expect(readFileSync(join(app.dir, 'out/preload/index.cjs'), 'utf8')).toContain('exposeInMainWorld("desk"')
    expect(existsSync(join(app.dir, 'out/renderer/index.html'))).toBe(true)
  })

  it('ships the store migrations beside the main bundle', () => {
    const shipped = join(app.dir, 'out/main/migrations')
    const source = join(projectDir, 'src/main/core/store/migrations')
    expect(readdirSync(shipped).sort()).toEqual(readdirSync(source).sort())
    expect(existsSync(join(shipped, 'meta/_journal.json'))).toBe(true)
  })

  // A sync thread loads its bundle each time an account is added or its thread restarts;
  // loading drizzle-orm's and zod's hundreds of files from node_modules cost ~0.5 s of CPU.
  it('bundles drizzle-orm and zod into the main chunks instead of loading them from node_modules', () => {
    const main = join(app.dir, 'out/main')
    const imports = readdirSync(main)
      .filter((f) => f.endsWith('.js'))
      .flatMap((f) => [...readFileSync(join(main, f), 'utf8').matchAll(/from "([^"]+)"|require\("([^"]+)"\)/g)].map((m) => m[1] ?? m[2]!))
    expect(imports.filter((name) => /^(drizzle-orm|zod)(\/|$)/.test(name))).toEqual([])
    expect(imports).toContain('better-sqlite3')
  })

  // The bundle does not import electron, so plain Node runs it as the app would.
  it('builds the sync thread as its own entry, which syncs an account', async () => {
    const entry = join(app.dir, 'out/main/sync-thread.js')
    expect(existsSync(entry)).toBe(true)
    const sandbox = await startSandbox({ port: 0, seed: 3, accounts: 1, size: 'demo', rateLimit: { limit: 10_000, windowMs: 60_000 } })
    const dir = mkdtempSync(join(tmpdir(), 'skylight-built-sync-'))
    const store = openStore({ path: join(dir, 'account.sqlite') })
    const api = createSkyLightApi({ baseUrl: sandbox.url, apiKey: sandbox.accounts[0]!.apiKey, budget: new RateBudget({ limit: 10_000, windowMs: 60_000 }) })
    const sync = new SyncThread({ path: store.path, db: store.db, api, onEvent: () => {}, entry: pathToFileURL(entry), timings: { pollMs: 3_600_000 } })
    try {
      await sync.syncNow('first')
      expect(sync.status).toMatchObject({ state: 'idle', firstSyncDone: true })
      expect(localSnapshot(store.sqlite)).toEqual(serverSnapshot(sandbox.control.dump(sandbox.accounts[0]!.id)))
    } finally {
      await sync.stop()
      store.close()
      await sandbox.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
