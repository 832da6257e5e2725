// /knowledge-base over HTTP, on a clock the test moves: every endpoint of the docs page,
// uploads checked by type and size, a crawl that advances to completed or failed, a
// catalog's products, content edits clearing embeddings, and isolation between accounts.
import { describe, expect, it } from 'vitest'
import type { Sandbox } from '../../src/sandbox'
import { client, useSandbox } from './helpers'

const clock = { now: Date.parse('2026-12-02T10:00:00Z') }
const sandbox = useSandbox({ seed: 17, now: () => clock.now })

function upload(sb: Sandbox, key: string, path: string, bytes: Uint8Array, fileName: string, fields: Record<string, string> = {}) {
  const form = new FormData()
  form.append('file', new Blob([bytes]), fileName)
  for (const [k, v] of Object.entries(fields)) form.append(k, v)
  return fetch(`${sb.apiUrl}${path}`, { method: 'POST', headers: { 'X-Api-Key': key }, body: form }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }))
}

describe('/knowledge-base', () => {
  it('lists seeded entries of every type newest first, paginated, filtered by type', async () => {
    const api = client(sandbox())
    const listed = await api.get('/knowledge-base')
    expect(listed.status).toBe(200)
    expect(listed.body.meta).toMatchObject({ current_page: 1, per_page: 15 })
    const types = new Set(listed.body.data.map((e: { type: string }) => e.type))
    expect([...types].sort()).toEqual(['document', 'product_catalog', 'text', 'voice', 'website'])
    expect(listed.body.data[0]).toMatchObject({
      id: expect.any(Number), title: expect.any(String), type: expect.any(String), status: expect.any(String),
      description: expect.toBeOneOf([null, expect.any(String)]), business_description: expect.toBeOneOf([null, expect.any(String)]),
      created_at: expect.any(String), updated_at: expect.any(String),
    })
    const created = listed.body.data.map((e: { created_at: string }) => e.created_at)
    expect(created).toEqual([...created].sort().reverse())
    const websites = await api.get('/knowledge-base?type=website')
    expect(websites.body.data.map((e: { status: string }) => e.status).sort()).toEqual(['active', 'failed'])
    expect((await api.get('/knowledge-base?type=fax')).status).toBe(422)
  })

  it('creates a text entry, edits it (a content change clears embeddings), and deletes it', async () => {
    const api = client(sandbox())
    expect((await api.post('/knowledge-base', { title: 'FAQ' })).body.errors).toEqual({ content: ['The content field is required.'] })
    const made = await api.post('/knowledge-base', { title: 'ساعات العمل', content: 'من ٩ صباحاً إلى ٥ مساءً', description: 'Hours' })
    expect(made.status).toBe(201)
    expect(made.body.data).toMatchObject({ type: 'text', status: 'active', title: 'ساعات العمل', content: 'من ٩ صباحاً إلى ٥ مساءً' })
    expect(made.body.data.embedding_updated_at).not.toBeNull()
    const id = made.body.data.id
    const renamed = await api.put(`/knowledge-base/${id}`, { title: 'Hours' })
    expect(renamed.body.data.embedding_updated_at).toBe(made.body.data.embedding_updated_at)
    const edited = await api.put(`/knowledge-base/${id}`, { content: '9 to 5' })
    expect(edited.body.data).toMatchObject({ title: 'Hours', content: '9 to 5', embedding_updated_at: null })
    expect((await api.get(`/knowledge-base/${id}`)).body.data.content).toBe('9 to 5')
    expect((await api.del(`/knowledge-base/${id}`)).status).toBe(204)
    expect((await api.get(`/knowledge-base/${id}`)).body).toEqual({ success: false, message: 'Knowledge base entry not found.' })
  })

  it('takes documents and audio by type and size, refusing others with the field error', async () => {
    const sb = sandbox()
    const { key } = client(sb)
    const doc = await upload(sb, key, '/knowledge-base/document', Buffer.from('name,price\nTea,12\n'), 'prices.csv', { title: 'Prices' })
    expect(doc.status).toBe(201)
    expect(doc.body.data).toMatchObject({ type: 'document', title: 'Prices', status: 'active', file_name: 'prices.csv', file_size: 18, content: 'name,price\nTea,12\n' })
    const voice = await upload(sb, key, '/knowledge-base/voice', Buffer.from('ID3fakeaudio'), 'welcome.mp3')
    expect(voice.body.data).toMatchObject({ type: 'voice', title: 'welcome.mp3', file_size: 12 })
    expect(voice.body.data.content).toMatch(/^Transcript of welcome\.mp3/)
    const wrong = await upload(sb, key, '/knowledge-base/document', Buffer.from('x'), 'song.mp3')
    expect(wrong.status).toBe(422)
    expect(wrong.body.errors.file[0]).toBe('The file field must be a file of type: pdf, docx, xlsx, txt, csv.')
    const empty = await upload(sb, key, '/knowledge-base/voice', new Uint8Array(0), 'silence.wav')
    expect(empty.body.errors).toEqual({ file: ['This audio file has no sound to transcribe.'] })
    const big = await upload(sb, key, '/knowledge-base/voice', new Uint8Array(26_214_401), 'long.mp3')
    expect(big.body.errors).toEqual({ file: ['The file field must not be greater than 25600 kilobytes.'] })
  })

  it('crawls a website over time to completed, and a bad one to failed with the reason', async () => {
    const api = client(sandbox())
    expect((await api.post('/knowledge-base/website', { url: 'not a url' })).body.errors).toEqual({ url: ['The url field must be a valid URL.'] })
    const good = await api.post('/knowledge-base/website', { url: 'https://nakheel.example/menu' })
    const bad = await api.post('/knowledge-base/website', { url: 'https://gone.invalid/' })
    expect(good.status).toBe(202)
    expect(good.body.data).toMatchObject({ type: 'website', status: 'processing', title: 'nakheel.example', content: null })
    const status = async (id: number) => (await api.get(`/knowledge-base/${id}/status`)).body.data
    expect(await status(good.body.data.id)).toMatchObject({ status: 'processing', crawl_status: 'pending', error: null })
    clock.now += 3_000
    expect((await status(good.body.data.id)).crawl_status).toBe('crawling')
    clock.now += 6_000
    expect(await status(good.body.data.id)).toMatchObject({ status: 'active', crawl_status: 'completed', error: null, embedding_updated_at: expect.any(String) })
    expect(await status(bad.body.data.id)).toMatchObject({ status: 'failed', crawl_status: 'failed', error: 'The site gone.invalid could not be reached (DNS lookup failed).' })
    expect((await api.get(`/knowledge-base/${good.body.data.id}`)).body.data.content).toMatch(/^Crawled text of/)
  })

  it('makes a product catalog from JSON or CSV, adds and removes its products', async () => {
    const sb = sandbox()
    const api = client(sb)
    const json = await api.post('/knowledge-base/product-catalog', { title: 'Teas', products: [{ name: 'Green tea', price: '12.5', currency: 'SAR' }] })
    expect(json.status).toBe(201)
    expect(json.body.data).toMatchObject({ type: 'product_catalog', products_count: 1, products: [{ id: expect.any(Number), name: 'Green tea', price: 12.5, currency: 'SAR', sku: null, description: null }] })
    expect((await api.post('/knowledge-base/product-catalog', { title: 'Empty', products: [] })).status).toBe(422)
    const csv = await upload(sb, api.key, '/knowledge-base/product-catalog', Buffer.from('Name,Price,SKU\n"Dates, Ajwa",45,AJ-1\nقهوة,30,\n'), 'catalog.csv', { title: 'Dates' })
    expect(csv.status).toBe(201)
    expect(csv.body.data.products.map((p: { name: string; price: number; sku: string | null }) => [p.name, p.price, p.sku])).toEqual([['Dates, Ajwa', 45, 'AJ-1'], ['قهوة', 30, null]])
    const id = json.body.data.id
    const added = await api.post(`/knowledge-base/${id}/products`, { products: [{ name: 'Black tea', price: 10 }] })
    expect(added.body.data.products_count).toBe(2)
    const productId = added.body.data.products[0].id
    expect((await api.del(`/knowledge-base/${id}/products/${productId}`)).status).toBe(204)
    expect((await api.get(`/knowledge-base/${id}`)).body.data.products.map((p: { name: string }) => p.name)).toEqual(['Black tea'])
    expect((await api.del(`/knowledge-base/${id}/products/${productId}`)).status).toBe(404)
    expect((await api.post(`/knowledge-base/${csv.body.data.id - 100_000}/products`, { products: [{ name: 'x' }] })).status).toBe(404)
  })

  it("does not show or change another account's entries", async () => {
    const sb = sandbox()
    const mine = client(sb, 0)
    const theirs = (await client(sb, 1).get('/knowledge-base')).body.data[0].id
    expect((await mine.get('/knowledge-base')).body.data.map((e: { id: number }) => e.id)).not.toContain(theirs)
    for (const reply of [
      await mine.get(`/knowledge-base/${theirs}`),
      await mine.get(`/knowledge-base/${theirs}/status`),
      await mine.put(`/knowledge-base/${theirs}`, { title: 'Taken' }),
      await mine.del(`/knowledge-base/${theirs}`),
    ]) expect(reply.status).toBe(404)
  })
})
