// The media cache against a local HTTP server that generates its answers as it sends them
// (one 64 KB block repeated), so neither side of the test holds a large file in memory:
// downloads reach the disk while they run, files over the cap are refused and their
// answer stops flowing, and the folder keeps within its budget by dropping what was used
// longest ago.
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdtemp, readdir, rm, stat, utimes } from 'node:fs/promises'
import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { MediaCache, MediaTooLargeError, type CachedFileSource } from '../../../src/main/core/media-cache'

const MB = 1024 * 1024
const BLOCK = Buffer.alloc(64 * 1024, 'SkyLight media block. ')

interface Served {
  sent: number
  /** Resolves when the connection has ended, with whether the whole answer went out. */
  ended: Promise<boolean>
}

let server: Server
let origin: string
const served = new Map<string, Served>()
/** Answers held half way until the test lets them go on. */
const holds = new Map<string, () => void>()

async function stream(res: ServerResponse, total: number, record: Served, holdAt: number | undefined, key: string): Promise<boolean> {
  while (record.sent < total) {
    if (res.destroyed) return false
    if (holdAt !== undefined && record.sent >= holdAt && !holds.has(`${key}:released`)) {
      await new Promise<void>((resolve) => holds.set(key, resolve))
      holds.set(`${key}:released`, () => {})
    }
    const chunk = BLOCK.subarray(0, Math.min(BLOCK.length, total - record.sent))
    record.sent += chunk.length
    if (!res.write(chunk)) {
      const drained = await new Promise<boolean>((resolve) => {
        res.once('drain', () => resolve(true))
        res.once('close', () => resolve(false))
      })
      if (!drained) return false
    }
  }
  res.end()
  return true
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    const key = url.pathname
    const total = Number(url.searchParams.get('mb')) * MB
    const holdAt = url.searchParams.has('holdAtMb') ? Number(url.searchParams.get('holdAtMb')) * MB : undefined
    const announce = url.searchParams.get('length')
    if (url.searchParams.get('missing')) {
      res.writeHead(404).end()
      return
    }
    const record: Served = { sent: 0, ended: Promise.resolve(false) }
    served.set(key, record)
    res.writeHead(200, {
      'Content-Type': 'application/octet-stream',
      ...(announce === 'none' ? {} : { 'Content-Length': String(announce ? Number(announce) * MB : total) }),
    })
    record.ended = stream(res, total, record, holdAt, key)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

let folder: string
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'skylight-media-cache-'))
  served.clear()
  holds.clear()
  return () => rm(folder, { recursive: true, force: true })
})

const source = (id: number, query: string): CachedFileSource => ({ id, url: `${origin}/file-${id}?${query}`, extension: 'mp4', mimeType: 'video/mp4' })

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

function sha256Of(bytes: number): string {
  const hash = createHash('sha256')
  for (let sent = 0; sent < bytes; sent += BLOCK.length) hash.update(BLOCK.subarray(0, Math.min(BLOCK.length, bytes - sent)))
  return hash.digest('hex')
}

/** Waits for the folder to reach a state (each look is one readdir; no timing involved). */
async function until<T>(look: () => Promise<T | undefined>): Promise<T> {
  for (;;) {
    const found = await look()
    if (found !== undefined) return found
    await new Promise((r) => setTimeout(r, 10))
  }
}

describe('the media cache', () => {
  it('writes a download to disk as it arrives, and keeps it whole once complete', async () => {
    const cache = new MediaCache({ folder, maxBytes: () => 1024 * MB })
    const file = cache.file(source(1, 'mb=12&holdAtMb=6'))
    // Half the answer has been sent and the rest is held back: that half is already on disk.
    const partial = await until(async () => {
      for (const name of await readdir(folder).catch(() => [] as string[])) {
        if (!name.endsWith('.part')) continue
        const size = (await stat(join(folder, name)).catch(() => null))?.size ?? 0
        if (size >= 6 * MB && holds.has('/file-1')) return name
      }
      return undefined
    })
    expect(partial).toMatch(/^1\.mp4\.[0-9a-f]+\.part$/)
    holds.get('/file-1')!()
    const done = await file
    expect(done).toEqual({ path: join(folder, '1.mp4'), size: 12 * MB })
    expect(await sha256File(done!.path)).toBe(sha256Of(12 * MB))
    expect(await readdir(folder)).toEqual(['1.mp4'])
    // Asked again, it is read from the cache, not downloaded again.
    served.clear()
    expect(await cache.file(source(1, 'mb=12'))).toEqual(done)
    expect(served.size).toBe(0)
  })

  it('refuses a file over the cap as it streams in (no length announced), stops the answer and keeps nothing', async () => {
    const cache = new MediaCache({ folder, maxBytes: () => 1024 * MB, maxFileBytes: 2 * MB })
    const error = await cache.file(source(2, 'mb=64&length=none')).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MediaTooLargeError)
    expect((error as Error).message).toMatch(/larger than 2 MB/)
    expect((error as MediaTooLargeError).type).toBe('bad-response')
    const record = served.get('/file-2')!
    expect(await record.ended).toBe(false)
    // What crossed the wire before the stop: the cap plus what socket buffers held, not 64 MB.
    expect(record.sent).toBeLessThan(16 * MB)
    expect(await readdir(folder).catch(() => [])).toEqual([])
  })

  it('refuses a 600 MB answer from its Content-Length before reading it', async () => {
    const cache = new MediaCache({ folder, maxBytes: () => 1024 * MB })
    const error = await cache.file(source(3, 'mb=600')).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MediaTooLargeError)
    expect((error as Error).message).toMatch(/larger than 50 MB/)
    const record = served.get('/file-3')!
    expect(await record.ended).toBe(false)
    expect(record.sent).toBeLessThan(16 * MB)
    expect(await readdir(folder).catch(() => [])).toEqual([])
  })

  it('answers null when the server has no such file or cannot be reached', async () => {
    const cache = new MediaCache({ folder, maxBytes: () => 1024 * MB })
    expect(await cache.file(source(5, 'missing=1'))).toBeNull()
    expect(await cache.file({ ...source(6, 'mb=1'), url: 'http://127.0.0.1:9/x' })).toBeNull()
  })

  it('keeps the folder within its budget by removing the files used longest ago', async () => {
    let budget = 3 * MB
    const evicted: number[][] = []
    const cache = new MediaCache({ folder, maxBytes: () => budget, onEvicted: (ids) => evicted.push(ids) })
    for (const id of [1, 2, 3]) await cache.file(source(id, 'mb=1'))
    // Used in the order 1, 2, 3 (an hour apart, so the file system's clock resolution cannot tie them).
    const hourAgo = Date.now() / 1000 - 3600
    for (const [i, id] of [1, 2, 3].entries()) await utimes(join(folder, `${id}.mp4`), hourAgo + i, hourAgo + i)
    await cache.file(source(1, 'mb=1')) // used again now: 2 is now the least recently used
    await cache.file(source(4, 'mb=1'))
    expect(evicted).toEqual([[2]])
    expect((await readdir(folder)).sort()).toEqual(['1.mp4', '3.mp4', '4.mp4'])

    budget = 2 * MB // the setting was lowered: the next trim applies it
    await cache.trim()
    expect(evicted).toEqual([[2], [3]])
    const sizes = await Promise.all((await readdir(folder)).map(async (name) => (await stat(join(folder, name))).size))
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(budget)
  })

  it('removes partial files a crash left behind', async () => {
    const cache = new MediaCache({ folder, maxBytes: () => 10 * MB })
    await cache.file(source(1, 'mb=1'))
    const { writeFile } = await import('node:fs/promises')
    await writeFile(join(folder, '9.mp4.deadbeef.part'), 'half a file')
    await cache.trim()
    expect(await readdir(folder)).toEqual(['1.mp4'])
  })
})
