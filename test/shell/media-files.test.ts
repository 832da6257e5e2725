import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mediaFileFor, mediaPathFor, mediaUrl, parseRange, serveMediaRequest } from '../../src/main/media-files'

let root: string
let cache: string

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'skylight-media-'))
  cache = join(root, 'media-cache')
  mkdirSync(join(cache, 'account-1'), { recursive: true })
  writeFileSync(join(cache, 'account-1', 'photo 1.jpg'), Buffer.from('0123456789'))
  writeFileSync(join(root, 'secret.txt'), 'outside the cache')
  // A sibling folder whose name starts like the cache's: a naive prefix check would let it through.
  mkdirSync(join(root, 'media-cache-evil'))
  writeFileSync(join(root, 'media-cache-evil', 'x.png'), 'nope')
  symlinkSync(join(root, 'secret.txt'), join(cache, 'account-1', 'link.txt'))
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('resolving a media URL to a file', () => {
  it('finds files inside the cache folder', () => {
    const url = mediaUrl('account-1/photo 1.jpg')
    expect(url).toBe('skylight-media://cache/account-1/photo%201.jpg')
    expect(mediaPathFor(url, cache)).toBe(join(cache, 'account-1', 'photo 1.jpg'))
    expect(mediaPathFor('skylight-media://CACHE/account-1/photo%201.jpg', cache)).toBe(join(cache, 'account-1', 'photo 1.jpg'))
  })

  it('refuses traversal, absolute paths and foreign URLs', () => {
    // Literal dot segments are folded by URL parsing (as Chromium does) and stay inside.
    for (const url of ['skylight-media://cache/../secret.txt', 'skylight-media://cache/account-1/../../secret.txt', 'skylight-media://cache/%2e%2e/secret.txt']) {
      expect(mediaPathFor(url, cache), url).toBe(join(cache, 'secret.txt'))
    }
    const refused = [
      'skylight-media://cache/..%2fsecret.txt',
      'skylight-media://cache/account-1%2f..%2f..%2fsecret.txt',
      'skylight-media://cache/..%5csecret.txt',
      'skylight-media://cache/%2Fetc%2Fpasswd',
      'skylight-media://cache/C:%5Cwindows%5Cwin.ini',
      'skylight-media://cache/a%00.png',
      'skylight-media://cache/%E0%A4%A',
      'skylight-media://cache/..%2Fmedia-cache-evil/x.png',
      'skylight-media://cache/',
      'skylight-media://other/account-1/photo%201.jpg',
      'skylight-media://user:pw@cache/account-1/photo%201.jpg',
      'file:///etc/passwd',
      'https://cache/account-1/photo%201.jpg',
      'not a url',
    ]
    for (const url of refused) expect(mediaPathFor(url, cache), url).toBeUndefined()
  })

  it('refuses symlinks leading out, folders and missing files', async () => {
    expect(await mediaFileFor(mediaUrl('account-1/photo 1.jpg'), cache)).toEqual({
      path: join(cache, 'account-1', 'photo 1.jpg'),
      size: 10,
    })
    expect(await mediaFileFor(mediaUrl('account-1/link.txt'), cache)).toBeUndefined()
    expect(await mediaFileFor(mediaUrl('account-1'), cache)).toBeUndefined()
    expect(await mediaFileFor(mediaUrl('account-1/missing.jpg'), cache)).toBeUndefined()
  })
})

describe('serving a media request', () => {
  const get = (url: string, headers: Record<string, string> = {}, method = 'GET') =>
    serveMediaRequest(new Request(url, { method, headers }), cache)

  it('serves the file with its type and safe headers', async () => {
    const response = await get(mediaUrl('account-1/photo 1.jpg'))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/jpeg')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('content-length')).toBe('10')
    expect(await response.text()).toBe('0123456789')
  })

  it('serves byte ranges for seeking', async () => {
    const response = await get(mediaUrl('account-1/photo 1.jpg'), { range: 'bytes=2-5' })
    expect(response.status).toBe(206)
    expect(response.headers.get('content-range')).toBe('bytes 2-5/10')
    expect(await response.text()).toBe('2345')
    const tail = await get(mediaUrl('account-1/photo 1.jpg'), { range: 'bytes=-3' })
    expect(await tail.text()).toBe('789')
    expect((await get(mediaUrl('account-1/photo 1.jpg'), { range: 'bytes=20-' })).status).toBe(416)
  })

  it('answers 404 for anything outside the cache and 405 for writes', async () => {
    expect((await get('skylight-media://cache/../secret.txt')).status).toBe(404)
    expect((await get(mediaUrl('account-1/link.txt'))).status).toBe(404)
    expect((await get(mediaUrl('account-1/photo 1.jpg'), {}, 'POST')).status).toBe(405)
    const head = await get(mediaUrl('account-1/photo 1.jpg'), {}, 'HEAD')
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })
})

describe('parseRange', () => {
  it('reads single ranges and ignores what it does not support', () => {
    expect(parseRange('bytes=0-', 10)).toEqual({ start: 0, end: 9 })
    expect(parseRange('bytes=5-100', 10)).toEqual({ start: 5, end: 9 })
    expect(parseRange('bytes=-20', 10)).toEqual({ start: 0, end: 9 })
    expect(parseRange('bytes=0-1,4-5', 10)).toBeUndefined()
    expect(parseRange('items=0-1', 10)).toBeUndefined()
    expect(parseRange('bytes=5-2', 10)).toBe('unsatisfiable')
    expect(parseRange(null, 10)).toBeUndefined()
  })
})
