// The media library: list, upload (streamed, limits), serving files, rename, delete, plan limit.
import { createHash } from 'node:crypto'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inflateSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../src/sandbox'
import { client, useSandbox } from './helpers'

const storageDir = await mkdtemp(join(tmpdir(), 'sandbox-media-test-'))
const sandbox = useSandbox({ seed: 6, storageDir })
afterAll(() => rm(storageDir, { recursive: true, force: true }))

type Media = { id: number; name: string; original_name: string; url: string; file_type: string; mime_type: string; file_size: number; uploaded_by: string; metadata: { width: number; height: number } | null; created_at: string }

function upload(sb: Sandbox, key: string, bytes: Uint8Array, fileName: string, name?: string) {
  const form = new FormData()
  form.append('file', new Blob([bytes]), fileName)
  if (name !== undefined) form.append('name', name)
  return fetch(`${sb.apiUrl}/media`, { method: 'POST', headers: { 'X-Api-Key': key }, body: form })
}

async function filesOnDisk(): Promise<string[]> {
  return (await readdir(storageDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name)
}

describe('listing', () => {
  it('lists newest first, filters by type and searches name and original name', async () => {
    const api = client(sandbox())
    const page = await api.get('/media?per_page=100')
    const items: Media[] = page.body.data
    expect(page.body.meta.total).toBe(30)
    const times = items.map((m) => Date.parse(m.created_at))
    expect([...times].sort((a, b) => b - a)).toEqual(times)
    expect(items.some((m) => m.uploaded_by === 'admin')).toBe(true)
    const videos: Media[] = (await api.get('/media?type=video&per_page=100')).body.data
    expect(videos.length).toBe(items.filter((m) => m.file_type === 'video').length)
    expect(videos.every((m) => m.mime_type.startsWith('video/') && m.metadata === null)).toBe(true)
    const target = items[5]!
    expect((await api.get(`/media?search=${encodeURIComponent(target.original_name)}`)).body.data.map((m: Media) => m.id)).toContain(target.id)
  })

  it('serves generated images as real PNGs and videos with their MIME type', async () => {
    const items: Media[] = (await client(sandbox()).get('/media?per_page=100')).body.data
    const image = items.find((m) => m.file_type === 'image' && m.metadata)!
    const res = await fetch(image.url)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/png')
    const png = Buffer.from(await res.arrayBuffer())
    expect(Number(res.headers.get('content-length'))).toBe(png.length)
    expect(png.length).toBe(image.file_size)
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    expect({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }).toEqual(image.metadata)
    const idat = png.indexOf('IDAT')
    const raw = inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4)))
    expect(raw.length).toBe(image.metadata!.height * (image.metadata!.width * 3 + 1))

    const video = items.find((m) => m.file_type === 'video')!
    const clip = await fetch(video.url)
    expect(clip.headers.get('content-type')).toBe('video/mp4')
    expect((await clip.arrayBuffer()).byteLength).toBe(video.file_size)
    expect((await fetch(`${sandbox().url}/storage/media/1/images/nope.png`)).status).toBe(404)
  })
})

describe('upload', () => {
  it('stores a multipart upload and serves it byte for byte at its URL', async () => {
    const sb = sandbox()
    const api = client(sb)
    const bytes = Buffer.alloc(300_000)
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7 + 3) % 256
    const res = await upload(sb, api.key, bytes, 'hero-product-v2.jpg', 'Product Hero Image')
    expect(res.status).toBe(201)
    const media: Media = ((await res.json()) as { data: Media }).data
    expect(media).toMatchObject({ name: 'Product Hero Image', original_name: 'hero-product-v2.jpg', file_type: 'image', mime_type: 'image/jpeg', file_size: 300_000, uploaded_by: 'client', metadata: null })
    expect(media.url).toMatch(new RegExp(`^${sb.url}/storage/media/${api.id}/images/\\d+_\\w+\\.jpg$`))
    const served = await fetch(media.url)
    expect(served.headers.get('content-type')).toBe('image/jpeg')
    expect(served.headers.get('content-length')).toBe('300000')
    expect(Buffer.compare(Buffer.from(await served.arrayBuffer()), bytes)).toBe(0)
    expect((await api.get('/media?per_page=1')).body.data[0].id).toBe(media.id)

    const entry = sb.control.requestLog().find((e) => e.createdId === media.id)!
    expect(entry.body).toEqual({ original_name: 'hero-product-v2.jpg', name: 'Product Hero Image', size: 300_000, sha256: createHash('sha256').update(bytes).digest('hex') })
  })

  it('defaults the name to the original file name and reads PNG dimensions', async () => {
    const sb = sandbox()
    const generated: Media = (await client(sb).get('/media?type=image')).body.data.find((m: Media) => m.metadata)
    const png = Buffer.from(await (await fetch(generated.url)).arrayBuffer())
    const res = await upload(sb, client(sb).key, png, 'صورة.png')
    const media: Media = ((await res.json()) as { data: Media }).data
    expect(media).toMatchObject({ name: 'صورة.png', original_name: 'صورة.png', metadata: generated.metadata })
  })

  it('refuses a file type outside the list with a 422', async () => {
    const sb = sandbox()
    const res = await upload(sb, client(sb).key, Buffer.from('%PDF-1.4'), 'invoice.pdf')
    expect(res.status).toBe(422)
    expect(await res.json()).toEqual({
      success: false,
      message: 'The given data was invalid.',
      errors: { file: ['The file field must be a file of type: jpg, jpeg, png, gif, mp4, avi, mov, wmv, flv, webm.'] },
    })
    const missing = await fetch(`${sb.apiUrl}/media`, { method: 'POST', headers: { 'X-Api-Key': client(sb).key }, body: new FormData() })
    expect(missing.status).toBe(422)
  })

  it('refuses a file over 50 MB with a 422 after draining it, keeping nothing', async () => {
    const sb = sandbox()
    const before = await filesOnDisk()
    const boundary = '----sandbox-test-boundary'
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.mp4"\r\nContent-Type: video/mp4\r\n\r\n`)
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
    const chunk = Buffer.alloc(1 << 20, 7)
    const total = 52_428_800 + 3 * chunk.length
    let sent = 0
    let phase = 0
    // Generated on demand: the 53 MB body never exists in memory at once.
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (phase === 0) {
          phase = 1
          controller.enqueue(head)
        } else if (sent < total) {
          const piece = chunk.subarray(0, Math.min(chunk.length, total - sent))
          sent += piece.length
          controller.enqueue(piece)
        } else {
          controller.enqueue(tail)
          controller.close()
        }
      },
    })
    const res = await fetch(`${sb.apiUrl}/media`, {
      method: 'POST',
      headers: { 'X-Api-Key': client(sb).key, 'Content-Type': `multipart/form-data; boundary=${boundary}` },
      body,
      duplex: 'half',
    } as RequestInit)
    expect(res.status).toBe(422)
    expect(await res.json()).toEqual({
      success: false,
      message: 'The given data was invalid.',
      errors: { file: ['The file field must not be greater than 51200 kilobytes.'] },
    })
    expect(sent).toBe(total)
    expect(await filesOnDisk()).toEqual(before)
  })
})

describe('rename, delete and limits', () => {
  it('renames, deletes client files, refuses admin files', async () => {
    const sb = sandbox()
    const api = client(sb)
    const items: Media[] = (await api.get('/media?per_page=100')).body.data
    const mine = items.find((m) => m.uploaded_by === 'client')!
    const renamed = await api.put(`/media/${mine.id}`, { name: 'Product Hero — March 2026' })
    expect(renamed.body.data).toMatchObject({ id: mine.id, name: 'Product Hero — March 2026', original_name: mine.original_name })
    expect((await api.put(`/media/${mine.id}`, { name: '' })).status).toBe(422)
    expect((await api.del(`/media/${mine.id}`)).status).toBe(204)
    expect((await api.get(`/media/${mine.id}`)).status).toBe(404)
    expect((await fetch(mine.url)).status).toBe(404)

    const admin = items.find((m) => m.uploaded_by === 'admin')!
    const refused = await api.del(`/media/${admin.id}`)
    expect(refused.status).toBe(403)
    expect(refused.body.success).toBe(false)
    expect((await api.get(`/media/${admin.id}`)).status).toBe(200)
  })

  it('answers 403 once the plan’s media limit is reached', async () => {
    const sb = sandbox()
    const api = client(sb)
    const used = (await api.get('/account/subscription')).body.data.limits.media_files.used
    sb.control.setMediaLimit(api.id, used)
    expect((await api.get('/account/subscription')).body.data.limits.media_files).toEqual({ max: used, used })
    const res = await upload(sb, api.key, Buffer.alloc(10_000, 1), 'one-too-many.png')
    expect(res.status).toBe(403)
    expect(((await res.json()) as { message: string }).message).toMatch(/limit/)
    sb.control.setMediaLimit(api.id, null)
    expect((await upload(sb, api.key, Buffer.alloc(10, 1), 'fine.gif')).status).toBe(201)
  })
})
