// The knowledge base through the core's contract, against the sandbox over HTTP: files
// dropped on the view (one refused, with its reason) are staged, streamed with progress and
// created exactly once; a CSV catalog is previewed then sent; a website crawl is polled to
// completion and a bad one to failure; editing the text clears embeddings; offline, the
// status poll says it needs a connection.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCore, type Core } from '../../src/main/core'
import { SessionSecretStore } from '../../src/main/core/secrets/secret-store'
import { startSandbox, type Sandbox } from '../../src/sandbox'
import { driveCore } from '../support/core-driver'

// The sandbox's clock, moved by the test: a crawl advances with it, not with waiting.
const clock = { now: Date.now() }
let sandbox: Sandbox
let dataDir: string
let core: Core
const { events, listen, forget, call, until, drained } = driveCore(() => core)

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 21, accounts: 1, now: () => clock.now, rateLimit: { limit: 10_000, windowMs: 60_000 } })
  dataDir = await mkdtemp(join(tmpdir(), 'skylight-kb-'))
  core = await openCore({ dataDir, appVersion: 'test', keychain: new SessionSecretStore(), rateLimit: { limit: 10_000, windowMs: 60_000 }, client: { maxAttempts: 2, retryBaseMs: 10 } })
  listen(core)
  await call('account-add', { apiKey: sandbox.accounts[0]!.apiKey, baseUrl: sandbox.url })
  await until('sync-status', (s) => s.state === 'idle' && s.firstSyncDone)
})
afterAll(async () => {
  await core?.close()
  await sandbox?.close()
  await rm(dataDir, { recursive: true, force: true })
})

const dump = () => sandbox.control.dump(sandbox.accounts[0]!.id)
const drop = (fileName: string, bytes: Buffer) => call('kb-upload-data', { fileName, size: bytes.length, base64: bytes.toString('base64') })

describe('the knowledge base', () => {
  it('lists the synced entries with type, status and size, filtered and searched locally', async () => {
    const { items } = await call('kb-list', {})
    expect(new Set(items.map((e) => e.type))).toEqual(new Set(['text', 'document', 'voice', 'product_catalog', 'website']))
    expect(items.find((e) => e.type === 'document')).toMatchObject({ fileSize: 48_213, status: 'active' })
    expect(items.find((e) => e.type === 'product_catalog')).toMatchObject({ productsCount: 3 })
    expect((await call('kb-list', { status: 'failed' })).items.map((e) => e.title)).toEqual(['old-shop.invalid'])
    expect((await call('kb-list', { search: 'شحن' })).items.map((e) => e.title)).toEqual(['سياسة الشحن'])
    // Read in full by sync: a catalog's products open offline.
    const catalog = items.find((e) => e.type === 'product_catalog')!
    expect((await call('kb-get', { id: catalog.id })).products.map((p) => p.name)).toContain('قهوة خولانية ٥٠٠ جم')
  })

  it('takes dropped files checked by type, size and content, streams each with progress, exactly once', async () => {
    forget()
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(300_000, 0x20)])
    const results = [
      await drop('Menu.pdf', pdf),
      await drop('prices.csv', Buffer.from('name,price\nTea,12\n')),
      await drop('greeting.mp3', Buffer.concat([Buffer.from('ID3'), Buffer.alloc(2_000, 1)])),
      await drop('photo.pdf', Buffer.from('89504e470d0a1a0a', 'hex')),
      await drop('setup.exe', Buffer.from('MZ')),
    ]
    expect(results.map((r) => r.ok)).toEqual([true, true, true, false, false])
    expect(results[3]!.message).toBe('“photo.pdf” is not really a PDF file (its content does not match its name).')
    expect(results[4]!.message).toMatch(/^“setup\.exe” can't be added: the knowledge base takes documents/)
    expect((await call('kb-list', { search: 'Menu' })).items).toMatchObject([{ title: 'Menu.pdf', type: 'document', fileSize: pdf.length }])
    await drained()
    const progress = events.filter((e) => e.event === 'outbox-progress' && (e.payload as { actionId: string }).actionId === results[0]!.actionId)
    expect(progress.length).toBeGreaterThan(0)
    const last = progress.at(-1)!.payload as { sent: number; total: number }
    expect(last.sent).toBe(last.total)
    for (const name of ['Menu.pdf', 'prices.csv', 'greeting.mp3']) expect(dump().knowledge_base.filter((e) => e.file_name === name)).toHaveLength(1)
    expect(dump().knowledge_base.some((e) => e.file_name === 'photo.pdf' || e.file_name === 'setup.exe')).toBe(false)
    const local = (await call('kb-list', { search: 'greeting' })).items[0]!
    expect(local).toMatchObject({ type: 'voice', pending: false, status: 'active' })
    expect(local.id).toBeGreaterThan(0)
  })

  it('previews a CSV catalog with the rows it cannot use, then creates it', async () => {
    const preview = await call('kb-catalog-preview', { fileName: 'coffee.csv', text: 'Name;Price;SKU\nBeans 250g;SAR 45;B-250\n;12;\nCups;twelve;C-1\n' })
    expect(preview.products).toEqual([{ name: 'Beans 250g', price: 45, currency: 'SAR', sku: 'B-250', description: null }])
    expect(preview.problems).toEqual([{ row: 2, reason: 'It has no name.' }, { row: 3, reason: 'Its price “twelve” is not a number.' }])
    await expect(call('kb-catalog-preview', { fileName: 'x.json', text: '{"a":1}' })).rejects.toMatchObject({ type: 'invalid-input' })
    const { localId } = await call('kb-catalog-create', { title: 'Coffee', products: preview.products })
    expect((await call('kb-get', { id: localId })).productsCount).toBe(1)
    await drained()
    const server = dump().knowledge_base.find((e) => e.title === 'Coffee')!
    expect(server.products.map((p) => p.name)).toEqual(['Beans 250g'])
  })

  it('polls a website crawl to completion, and a bad one to failure with the reason', async () => {
    const good = await call('kb-website', { url: 'https://nakheel.example/' })
    const bad = await call('kb-website', { url: 'https://closed.invalid/' })
    await drained()
    const ids = (await call('kb-list', { type: 'website', status: 'processing' })).items.map((e) => e.id)
    expect(ids).toHaveLength(2)
    expect(ids.every((id) => id > 0)).toBe(true)
    const [goodId, badId] = [good, bad].map((q) => dump().knowledge_base.find((e) => e.url === (q === good ? 'https://nakheel.example/' : 'https://closed.invalid/'))!.id)
    expect((await call('kb-status', { id: goodId! })).crawlStatus).toBe('pending')
    clock.now += 10_000
    expect(await call('kb-status', { id: goodId! })).toMatchObject({ status: 'active', crawlStatus: 'completed', error: null })
    expect(await call('kb-status', { id: badId! })).toMatchObject({ status: 'failed', crawlStatus: 'failed', error: 'The site closed.invalid could not be reached (DNS lookup failed).' })
    expect((await call('kb-fetch', { id: goodId! })).content).toMatch(/^Crawled text of https:\/\/nakheel\.example\//)
  })

  it('edits the text (clearing the embeddings on SkyLight) and deletes an entry', async () => {
    const { localId } = await call('kb-create-text', { title: 'Hours', content: '9 to 5' })
    await call('kb-update', { id: localId, changes: { content: '10 to 6' } })
    await drained()
    const server = dump().knowledge_base.find((e) => e.title === 'Hours')!
    expect(server).toMatchObject({ content: '10 to 6' })
    await call('kb-update', { id: server.id, changes: { content: '8 to 4' } })
    expect((await call('kb-get', { id: server.id })).embeddingUpdatedAt).toBeNull()
    await drained()
    expect(dump().knowledge_base.find((e) => e.id === server.id)).toMatchObject({ content: '8 to 4', embedding_updated_at: null })
    await call('kb-delete', { id: server.id })
    await drained()
    expect(dump().knowledge_base.some((e) => e.id === server.id)).toBe(false)
  })

  it('needs a connection for a status poll, and says so', async () => {
    const website = (await call('kb-list', { type: 'website' })).items[0]!
    await sandbox.control.setFaults({ offline: true })
    try {
      await expect(call('kb-status', { id: website.id })).rejects.toMatchObject({ type: 'network' })
    } finally {
      await sandbox.control.clearFaults()
    }
  })
})

describe('a settled entry', () => {
  it('is announced once when its crawl finishes or fails (for a notification)', async () => {
    forget()
    await call('kb-website', { url: 'https://announce.example/' })
    await call('kb-website', { url: 'https://announce.invalid/' })
    await drained()
    await call('sync-now', { kind: 'refresh' })
    await until('sync-status', (s) => s.state === 'idle')
    clock.now += 10_000
    for (const e of (await call('kb-list', { type: 'website', status: 'processing' })).items) await call('kb-status', { id: e.id })
    const announced = () => events.filter((e) => e.event === 'kb-processed').map((e) => e.payload as { title: string; status: string; error: string | null })
    expect(announced().map((a) => [a.title, a.status]).sort()).toEqual([['announce.example', 'active'], ['announce.invalid', 'failed']])
    expect(announced().find((a) => a.status === 'failed')!.error).toMatch(/could not be reached/)
    await call('sync-now', { kind: 'refresh' })
    await until('sync-status', (s) => s.state === 'idle')
    expect(announced()).toHaveLength(2)
  })
})
