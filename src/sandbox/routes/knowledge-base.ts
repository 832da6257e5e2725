// /knowledge-base: the twelve endpoints of the docs page — list, the text entry, document
// and voice uploads (multipart `file`), product catalogs (JSON `products` or a CSV `file`),
// website crawls (async: poll /status), a catalog's products, and get/update/delete.
// Readings where the page is silent: documents up to 50 MB and audio up to 25 MB; an empty
// upload cannot be processed (422); a changed `content` clears embedding_updated_at.
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { AccountStore } from '../data/account-store'
import {
  byNewest, crawlFailureFor, DOCUMENT_EXTENSIONS, KB_TYPES, kbDetailJson, kbEntryJson, kbStatusJson, MAX_DOCUMENT_BYTES,
  MAX_VOICE_BYTES, type KbEntryRec, type KbType, type ProductRec, VOICE_EXTENSIONS,
} from '../data/knowledge-base'
import type { World } from '../data/world'
import { readJsonBody } from '../http/body'
import { pageRequest, paginateArray } from '../http/pagination'
import { created, json, noContent, notFound, ok, validationFailed } from '../http/respond'
import type { RouteContext, Router } from '../http/router'
import { receiveUpload } from '../http/upload'
import { nullableString, queryEnum, requiredString, validate } from '../http/validate'
import { param } from './lookup'
import { readCsv } from '../../shared/csv'

const CONTENT_MAX = 100_000
const textBody = z.object({
  title: requiredString('title'),
  content: requiredString('content', CONTENT_MAX),
  description: nullableString('description', 1000),
  business_description: nullableString('business_description', 1000),
})
const updateBody = z.object({
  title: requiredString('title').optional(),
  content: requiredString('content', CONTENT_MAX).optional(),
  description: nullableString('description', 1000),
  business_description: nullableString('business_description', 1000),
})
const product = z.object({
  name: requiredString('name'),
  description: nullableString('description', 2000),
  price: z.preprocess((v) => (v === '' || v === null ? undefined : typeof v === 'string' ? Number(v) : v), z.number({ error: 'The price must be a number.' }).min(0).optional()),
  currency: nullableString('currency', 10),
  sku: nullableString('sku', 100),
})
const productsBody = z.object({ products: z.array(product, { error: 'The products field must be an array.' }).min(1, { error: 'The products field is required.' }).max(1000) })
const catalogBody = productsBody.extend({ title: requiredString('title'), description: nullableString('description', 1000) })
const websiteBody = z.object({
  url: requiredString('url', 2048).refine((v) => { try { return ['http:', 'https:'].includes(new URL(v).protocol) } catch { return false } }, { error: 'The url field must be a valid URL.' }),
  title: nullableString('title'),
  description: nullableString('description', 1000),
})

function findEntry(ctx: RouteContext): KbEntryRec {
  const entry = ctx.store.knowledgeBase.get(param(ctx.params, 'id'))
  if (!entry) throw notFound('Knowledge base entry')
  return entry
}

function newEntry(world: World, now: number, type: KbType, fields: Partial<KbEntryRec> & { title: string }): KbEntryRec {
  return {
    id: world.ids.next('kbEntry'),
    type,
    description: null,
    businessDescription: null,
    content: null,
    file: null,
    url: null,
    crawlFailure: null,
    products: [],
    embeddingUpdatedAt: type === 'website' ? null : now,
    createdAt: now,
    updatedAt: now,
    ...fields,
  }
}

function toProducts(world: World, rows: z.output<typeof product>[]): ProductRec[] {
  return rows.map((p) => ({ id: world.ids.next('kbProduct'), name: p.name, description: p.description ?? null, price: p.price ?? null, currency: p.currency ?? null, sku: p.sku ?? null }))
}

function add(store: AccountStore, entry: KbEntryRec, now: number, message: string) {
  store.knowledgeBase.set(entry.id, entry)
  return created(kbDetailJson(entry, now), message)
}

/** A document or voice upload: streamed to disk, checked by extension and size, "processed". */
function uploadRoute(router: Router, path: string, type: 'document' | 'voice') {
  const extensions = type === 'document' ? DOCUMENT_EXTENSIONS : VOICE_EXTENSIONS
  const maxBytes = type === 'document' ? MAX_DOCUMENT_BYTES : MAX_VOICE_BYTES
  router.post(path, async ({ world, store, req, now }) => {
    const stored = `kb/${store.id}/${world.runtimeRandom.token(10)}`
    let target = ''
    const outcome = await receiveUpload(req, (ext) => (target = join(world.storageDir, `${stored}.${ext}`)), { extensions, maxBytes })
    const file = outcome.file
    if (file && Object.keys(outcome.errors).length === 0 && file.size === 0) {
      outcome.errors.file = [type === 'document' ? 'No text could be extracted from this document.' : 'This audio file has no sound to transcribe.']
    }
    const logBody = file ? { original_name: file.originalName, size: file.size, sha256: file.sha256 } : null
    if (!file || Object.keys(outcome.errors).length > 0) {
      if (target) await rm(target, { force: true })
      return json(422, { success: false, message: 'The given data was invalid.', errors: outcome.errors }, { logBody })
    }
    const plain = file.extension === 'txt' || file.extension === 'csv'
    const content = type === 'voice'
      ? `Transcript of ${file.originalName}: “Hello, I would like to know your opening hours.”`
      : plain ? file.head.toString('utf8') : `Text extracted from ${file.originalName} (${file.size} bytes).`
    const entry = newEntry(world, now, type, {
      title: outcome.fields.title?.trim() || file.originalName,
      description: outcome.fields.description?.trim() || null,
      content,
      file: { name: file.originalName, size: file.size, extension: file.extension },
    })
    return { ...add(store, entry, now, type === 'document' ? 'Document processed successfully.' : 'Audio transcribed successfully.'), logBody }
  }, { raw: true })
}

export function knowledgeBaseRoutes(router: Router): void {
  router.get('/knowledge-base', ({ store, query, now }) => {
    const type = queryEnum(query, 'type', KB_TYPES)
    const search = query.get('search')?.trim().toLowerCase() ?? ''
    const rows = [...store.knowledgeBase.values()]
      .filter((e) => (type === undefined || e.type === type) && (search === '' || e.title.toLowerCase().includes(search)))
      .sort(byNewest)
    return paginateArray(rows, pageRequest(query, 15, 100), (e) => kbEntryJson(e, now))
  })

  router.post('/knowledge-base', ({ world, store, body, now }) => {
    const input = validate(textBody, body)
    const entry = newEntry(world, now, 'text', {
      title: input.title, content: input.content, description: input.description ?? null, businessDescription: input.business_description ?? null,
    })
    return add(store, entry, now, 'Knowledge base entry created successfully.')
  })

  uploadRoute(router, '/knowledge-base/document', 'document')
  uploadRoute(router, '/knowledge-base/voice', 'voice')

  router.post('/knowledge-base/product-catalog', async ({ world, store, req, now }) => {
    const type = req.headers['content-type'] ?? ''
    let input: z.output<typeof catalogBody>
    if (type.includes('multipart/form-data')) {
      let target = ''
      const outcome = await receiveUpload(req, (ext) => (target = join(world.storageDir, `kb/${store.id}/${world.runtimeRandom.token(10)}.${ext}`)), { extensions: ['csv'], maxBytes: 5_242_880 })
      if (target) await rm(target, { force: true })
      if (!outcome.file || Object.keys(outcome.errors).length > 0) throw validationFailed(outcome.errors)
      const rows = readCsv(outcome.file.head.toString('utf8'))?.rows ?? []
      input = validate(catalogBody, { title: outcome.fields.title || outcome.file.originalName, description: outcome.fields.description, products: rows })
    } else {
      input = validate(catalogBody, await readJsonBody(req))
    }
    const entry = newEntry(world, now, 'product_catalog', { title: input.title, description: input.description ?? null, products: toProducts(world, input.products) })
    return add(store, entry, now, 'Product catalog created successfully.')
  }, { raw: true })

  router.post('/knowledge-base/website', ({ world, store, body, now }) => {
    const input = validate(websiteBody, body)
    const url = new URL(input.url)
    const entry = newEntry(world, now, 'website', {
      title: input.title?.trim() || url.hostname, description: input.description ?? null, url: url.href, crawlFailure: crawlFailureFor(url),
    })
    store.knowledgeBase.set(entry.id, entry)
    return json(202, { success: true, data: kbDetailJson(entry, now), message: 'Website submitted for crawling. Poll the status endpoint for progress.' }, { createdId: entry.id })
  })

  router.get('/knowledge-base/{id}/status', (ctx) => ok(kbStatusJson(findEntry(ctx), ctx.now)))

  router.post('/knowledge-base/{id}/products', (ctx) => {
    const entry = findEntry(ctx)
    if (entry.type !== 'product_catalog') throw validationFailed({ products: ['Products can only be added to a product catalog.'] })
    const added = toProducts(ctx.world, validate(productsBody, ctx.body).products)
    entry.products.push(...added)
    entry.updatedAt = ctx.now
    entry.embeddingUpdatedAt = ctx.now
    return created(kbDetailJson(entry, ctx.now) as never, `${added.length} products added.`)
  })

  router.delete('/knowledge-base/{id}/products/{productId}', (ctx) => {
    const entry = findEntry(ctx)
    const productId = param(ctx.params, 'productId')
    const index = entry.products.findIndex((p) => p.id === productId)
    if (entry.type !== 'product_catalog' || index < 0) throw notFound('Product')
    entry.products.splice(index, 1)
    entry.updatedAt = ctx.now
    return noContent()
  })

  router.get('/knowledge-base/{id}', (ctx) => ok(kbDetailJson(findEntry(ctx), ctx.now)))

  for (const method of ['PUT', 'PATCH'] as const) {
    router.add(method, '/knowledge-base/{id}', (ctx) => {
      const entry = findEntry(ctx)
      const input = validate(updateBody, ctx.body)
      if (input.title !== undefined) entry.title = input.title
      if (input.description !== undefined) entry.description = input.description
      if (input.business_description !== undefined) entry.businessDescription = input.business_description
      if (input.content !== undefined && input.content !== entry.content) {
        entry.content = input.content
        // The docs: content changes clear cached embeddings (rebuilt on next use).
        entry.embeddingUpdatedAt = null
      }
      entry.updatedAt = ctx.now
      return ok(kbDetailJson(entry, ctx.now), 'Knowledge base entry updated successfully.')
    })
  }

  router.delete('/knowledge-base/{id}', (ctx) => {
    ctx.store.knowledgeBase.delete(findEntry(ctx).id)
    return noContent()
  })
}
