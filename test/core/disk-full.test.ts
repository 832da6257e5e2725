// A full disk, for real: a small tmpfs mounted for the test (root only; skipped, saying so,
// where mounting is not allowed), and SQLite's max_page_count for a real SQLITE_FULL.
import { execFileSync } from 'node:child_process'
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { saveRegistry } from '../../src/main/core/accounts/registry'
import { createDispatcher } from '../../src/main/core/contract/dispatch'
import { DiskFullError } from '../../src/main/core/disk-full'
import { RotatingFile } from '../../src/main/core/log/rotating-file'
import { stageUpload } from '../../src/main/core/outbox/staging'
import { DEFAULT_SETTINGS, saveSettings } from '../../src/main/core/settings'
import { openStore, upsertMessages } from '../../src/main/core/store'
import type { Handlers } from '../../src/shared/contract'
import { apiMessage } from './store/helpers'

const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'), Buffer.alloc(200_000, 7)])

let disk: string | null = null
let work: string
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'disk-full-'))
  const mountPoint = join(work, 'disk')
  mkdirSync(mountPoint)
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mountPoint], { stdio: 'ignore' })
    disk = mountPoint
  } catch {
    console.warn('disk-full tests on a real small disk skipped: mounting a tmpfs needs root')
  }
})
afterAll(() => {
  if (disk) execFileSync('umount', [disk])
  rmSync(work, { recursive: true, force: true })
})

/** Fills the small disk to the last byte; returns a way to free it again. */
function fill(): () => void {
  const filler = join(disk!, 'filler')
  const chunk = Buffer.alloc(64 * 1024, 1)
  try {
    for (;;) writeFileSync(filler, chunk, { flag: 'a' })
  } catch (error) {
    expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC')
  }
  // Whatever is left below a 64 KB chunk, byte by byte bigger pieces first.
  for (const size of [16_384, 4096, 1024, 256, 16, 1]) {
    try {
      for (;;) writeFileSync(filler, Buffer.alloc(size, 1), { flag: 'a' })
    } catch {
      // Next smaller piece.
    }
  }
  return () => rmSync(filler, { force: true })
}

describe('a full disk', () => {
  it('saving settings or the account list says so, and leaves the previous file whole', async (ctx) => {
    if (!disk) return ctx.skip()
    const dataDir = join(disk, 'data')
    await saveSettings(dataDir, { ...DEFAULT_SETTINGS, syncIntervalSeconds: 30 })
    await saveRegistry(dataDir, { version: 1, activeId: null, accounts: [] })
    const free = fill()
    try {
      await expect(saveSettings(dataDir, { ...DEFAULT_SETTINGS, syncIntervalSeconds: 90 })).rejects.toThrow(DiskFullError)
      await expect(saveSettings(dataDir, { ...DEFAULT_SETTINGS, syncIntervalSeconds: 90 })).rejects.toThrow(/Your disk is full.*your settings.*Free some space/)
      const big = { version: 1 as const, activeId: null, accounts: [] as never[] }
      await expect(saveRegistry(dataDir, { ...big, activeId: 'x'.repeat(100_000) })).rejects.toMatchObject({ type: 'disk-full' })
    } finally {
      free()
    }
    expect(JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8'))).toMatchObject({ syncIntervalSeconds: 30 })
    expect(JSON.parse(readFileSync(join(dataDir, 'accounts.json'), 'utf8'))).toMatchObject({ activeId: null })
  })

  it('staging an upload says the disk is full, and leaves no partial copy', async (ctx) => {
    if (!disk) return ctx.skip()
    const original = join(work, 'photo.png')
    writeFileSync(original, PNG)
    const staging = join(disk, 'staging')
    mkdirSync(staging, { recursive: true })
    const free = fill()
    try {
      const error = await stageUpload(staging, original).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(DiskFullError)
      expect((error as Error).message).toMatch(/Your disk is full.*“photo\.png”/)
      expect(execFileSync('ls', ['-A', staging]).toString()).toBe('')
    } finally {
      free()
    }
  })

  it('the log writes to stderr meanwhile, and catches up in its file once space is free', (ctx) => {
    if (!disk) return ctx.skip()
    const fallback: string[] = []
    const log = new RotatingFile({ dir: join(disk, 'logs'), fileName: 'main.log', maxBytes: 1_000_000, generations: 1, fallback: (t) => fallback.push(t) })
    log.write('before\n')
    const free = fill()
    try {
      expect(() => log.write(`${'the disk is full '.repeat(400)}\n`)).not.toThrow()
      expect(() => log.write('still full\n')).not.toThrow()
      expect(fallback).toHaveLength(2)
      expect(fallback[1]).toBe('still full\n')
    } finally {
      free()
    }
    log.write('space again\n')
    log.close()
    const text = readFileSync(join(disk, 'logs', 'main.log'), 'utf8')
    expect(text.startsWith('before\n')).toBe(true)
    expect(text.indexOf('still full\n')).toBeGreaterThan(text.indexOf('the disk is full'))
    expect(text.endsWith('still full\nspace again\n')).toBe(true)
  })
})

describe('a store file found damaged in use', () => {
  it('tells the user how to get a sound copy, and logs the cause', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sqlite-corrupt-'))
    const path = join(dir, 'account.sqlite')
    const writer = openStore({ path })
    for (let page = 0; page < 10; page++) {
      upsertMessages(writer.db, 1, Array.from({ length: 100 }, (_, i) => apiMessage({ id: page * 100 + i + 1, content: 'y'.repeat(300), sent_at: '2026-01-01T00:00:00Z' })))
    }
    // A leaf page of the messages table, found by SQLite itself: which page holds what moves
    // with the schema, so a fixed offset could hit a table nothing reads here.
    const leaf = writer.sqlite.prepare("SELECT pageno FROM dbstat WHERE name = 'messages' AND pagetype = 'leaf' ORDER BY pageno").all() as { pageno: number }[]
    writer.close()
    const fd = openSync(path, 'r+')
    writeSync(fd, Buffer.alloc(4096, 0xee), 0, 4096, (leaf[Math.floor(leaf.length / 2)]!.pageno - 1) * 4096)
    closeSync(fd)
    // Opened without the check at open, as if the damage happened after it.
    const store = openStore({ path, checkIntegrity: false })
    const logged: unknown[] = []
    try {
      const read = async () => store.sqlite.prepare('SELECT count(*), sum(length(content)) FROM messages').get()
      const dispatch = createDispatcher({ 'app-info': read } as unknown as Handlers, (e) => logged.push(e))
      expect(await dispatch('app-info', {})).toMatchObject({ ok: false, error: { type: 'local-data', message: expect.stringMatching(/damaged.*rebuild it from SkyLight/) } })
      expect(logged).toHaveLength(1)
      expect((logged[0] as { code: string }).code).toMatch(/^SQLITE_CORRUPT/)
    } finally {
      store.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('SQLITE_FULL from a store write', () => {
  it('reaches the user as disk-full with a message, not as an internal error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sqlite-full-'))
    const store = openStore({ path: join(dir, 'account.sqlite') })
    try {
      // The file may not grow past its current size: the next pages are refused as on a full disk.
      const pages = store.sqlite.pragma('page_count', { simple: true }) as number
      store.sqlite.pragma(`max_page_count = ${pages}`)
      const write = async () => {
        upsertMessages(store.db, 1, Array.from({ length: 500 }, (_, i) => apiMessage({ id: i + 1, content: 'x'.repeat(500), sent_at: '2026-01-01T00:00:00Z' })))
        return { name: 'SkyLight Desk', version: '0', platform: 'linux', dataFolder: dir }
      }
      const dispatch = createDispatcher({ 'app-info': write } as unknown as Handlers, () => {
        throw new Error('a full disk is not an internal error')
      })
      const result = await dispatch('app-info', {})
      expect(result).toMatchObject({ ok: false, error: { type: 'disk-full', message: expect.stringMatching(/Your disk is full.*Free some space/) } })
    } finally {
      store.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
