// A full disk inside an outbox attempt, for real: the account's store on a small tmpfs
// (root only; skipped, saying so, where mounting is not allowed). The action is neither
// failed nor lost: it waits, saying the disk is full (the same words as everywhere else),
// and goes out exactly once when space is free again — even when SkyLight had already
// carried it out and only the recording of that failed.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Outbox } from '../../../src/main/core/outbox'
import { createSkyLightApi, RateBudget } from '../../../src/main/core/skylight'
import { openStore, upsertContacts, type Store } from '../../../src/main/core/store'
import { startSandbox, type Sandbox } from '../../../src/sandbox'

let disk: string | null = null
let work: string
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'outbox-disk-full-'))
  const mountPoint = join(work, 'disk')
  mkdirSync(mountPoint)
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mountPoint], { stdio: 'ignore' })
    disk = mountPoint
  } catch {
    console.warn('outbox disk-full tests skipped: mounting a tmpfs needs root')
  }
})
afterAll(() => {
  if (disk) execFileSync('umount', [disk])
  rmSync(work, { recursive: true, force: true })
})

/** Fills the small disk to the last byte; returns a way to free it again. */
function fill(): () => void {
  const filler = join(disk!, 'filler')
  for (const size of [64 * 1024, 16_384, 4096, 1024, 256, 16, 1]) {
    try {
      for (;;) writeFileSync(filler, Buffer.alloc(size, 1), { flag: 'a' })
    } catch {
      // Next smaller piece.
    }
  }
  return () => rmSync(filler, { force: true })
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; !check(); i++) {
    if (i > 2000) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

async function setUp(name: string): Promise<{ sandbox: Sandbox; store: Store; outbox: Outbox; contactId: number; sent: (text: string) => number; close: () => Promise<void> }> {
  const sandbox = await startSandbox({ port: 0, seed: 7, accounts: 1, rateLimit: { limit: 10_000, windowMs: 60_000 } })
  const api = createSkyLightApi({ baseUrl: sandbox.url, apiKey: sandbox.accounts[0]!.apiKey, budget: new RateBudget({ limit: 10_000, windowMs: 60_000 }), retryBaseMs: 5, retryMaxMs: 20 })
  const dir = join(disk!, name)
  mkdirSync(dir)
  const store = openStore({ path: join(dir, 'account.sqlite') })
  const contact = await api.contacts.create({ name: 'Full disk', phone: '+966540000777', type: 'whatsapp' })
  upsertContacts(store.db, [contact])
  const outbox = new Outbox({ api, db: store.db, stagingDir: join(dir, 'staging'), onEvent: () => {}, timings: { retryBaseMs: 10, retryMaxMs: 40, diskFullRetryMs: 100 } })
  const sent = (text: string) => (sandbox.control.dump(sandbox.accounts[0]!.id).messages[contact.id] ?? []).filter((m) => m.content === text).length
  return {
    sandbox,
    store,
    outbox,
    contactId: contact.id,
    sent,
    close: async () => {
      await outbox.stop()
      store.close()
      await sandbox.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

describe('a full disk during an outbox attempt', () => {
  it('before anything is sent: the action waits, saying the disk is full, and goes out once space is free', async (ctx) => {
    if (!disk) return ctx.skip()
    const s = await setUp('before')
    try {
      s.outbox.sendMessage({ contactId: s.contactId, text: 'Sent when there is room' })
      // What the next write needs must come from the disk, not from a log file already grown.
      s.store.sqlite.pragma('wal_checkpoint(TRUNCATE)')
      const free = fill()
      try {
        s.outbox.start()
        await until(() => s.outbox.list()[0]?.lastError?.type === 'disk-full', 'the action to say the disk is full')
        expect(s.outbox.list()[0]).toMatchObject({ state: 'queued', lastError: { type: 'disk-full', message: expect.stringMatching(/^Your disk is full, so SkyLight Desk could not save .*Free some space on it/) } })
        expect(s.outbox.counts()).toMatchObject({ queued: 1, inFlight: 0, failed: 0 })
        expect(s.sent('Sent when there is room')).toBe(0)
      } finally {
        free()
      }
      await until(() => s.outbox.list()[0]?.state === 'done', 'the action to go out')
      expect(s.sent('Sent when there is room')).toBe(1)
      expect(s.outbox.list()[0]!.lastError).toBeNull()
    } finally {
      await s.close()
    }
  })

  it('after SkyLight carried it out: recording that fails, the action waits, and is done once space is free — sent once', async (ctx) => {
    if (!disk) return ctx.skip()
    const s = await setUp('after')
    try {
      // SkyLight acts only after a while: the disk fills while the request is out.
      s.sandbox.control.setFaults({ rules: [{ method: 'POST', path: '/messages/send', kind: 'slow-answer', ms: 300 }] })
      s.outbox.sendMessage({ contactId: s.contactId, text: 'Recorded later' })
      s.outbox.start()
      await until(() => s.sandbox.control.requestLog().some((e) => e.method === 'POST' && e.path.endsWith('/messages/send')), 'the send to go out')
      s.store.sqlite.pragma('wal_checkpoint(TRUNCATE)')
      const free = fill()
      try {
        await until(() => s.outbox.list()[0]?.lastError?.type === 'disk-full', 'the action to say the disk is full')
        expect(s.outbox.list()[0]).toMatchObject({ state: 'queued' })
        expect(s.outbox.counts()).toMatchObject({ queued: 1, inFlight: 0, failed: 0 })
        expect(s.sent('Recorded later')).toBe(1)
      } finally {
        free()
      }
      await until(() => s.outbox.list()[0]?.state === 'done', 'the action to be recorded as done')
      expect(s.sent('Recorded later')).toBe(1)
    } finally {
      await s.close()
    }
  })
})
