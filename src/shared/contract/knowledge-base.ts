// The knowledge base: entries (filtered and searched locally), one entry with its content
// and products, the user's changes (queued), file drops (checked, staged, streamed), a
// catalog's preview, and the online-only status poll of a crawl.
import { z } from 'zod'
import { method } from './define'

const id = z.number().int()
/** An entry made offline has a local (negative) id until the server gives it one. */
const entryRef = z.union([id, z.string().regex(/^-?\d+$/).transform(Number)])
const queued = z.object({ actionId: z.string() })
const queuedWithLocalId = queued.extend({ localId: z.number() })

export const kbTypes = ['text', 'document', 'voice', 'product_catalog', 'website'] as const

export const kbItem = z.object({
  id: z.number(),
  title: z.string(),
  type: z.string(),
  status: z.string(),
  description: z.string().nullable(),
  error: z.string().nullable(),
  fileSize: z.number().nullable(),
  contentLength: z.number().nullable(),
  productsCount: z.number().nullable(),
  fileName: z.string().nullable(),
  url: z.string().nullable(),
  embeddingUpdatedAt: z.string().nullable(),
  createdAt: z.string().nullable(),
  pending: z.boolean(),
})
export type KbItem = z.output<typeof kbItem>

export const kbProduct = z.object({
  id: z.number().optional(),
  name: z.string().trim().min(1).max(255),
  description: z.string().max(2000).nullable().optional(),
  price: z.number().min(0).nullable().optional(),
  currency: z.string().max(10).nullable().optional(),
  sku: z.string().max(100).nullable().optional(),
})
export type KbProduct = z.output<typeof kbProduct>

export const kbDetail = kbItem.extend({
  businessDescription: z.string().nullable(),
  crawlStatus: z.string().nullable(),
  content: z.string().nullable(),
  products: z.array(kbProduct.extend({ id: z.number() })),
  updatedAt: z.string().nullable(),
})
export type KbDetail = z.output<typeof kbDetail>

const uploadResult = z.object({ fileName: z.string(), ok: z.boolean(), actionId: z.string().optional(), message: z.string().optional() })
export type KbUploadResult = z.output<typeof uploadResult>

export const knowledgeBaseMethods = {
  'kb-list': method(
    z.object({ type: z.enum(kbTypes).optional(), status: z.string().max(32).optional(), search: z.string().max(200).optional() }).strict(),
    z.object({ items: z.array(kbItem) }),
  ),
  /** From the local copy: content is null until the entry was read in full (kb-fetch). */
  'kb-get': method(z.object({ id: entryRef }).strict(), kbDetail),
  /** Online only: reads the entry in full (content, products) into the local copy. */
  'kb-fetch': method(z.object({ id }).strict(), kbDetail),
  /** Online only, never queued: a crawl's or processing's state now. */
  'kb-status': method(z.object({ id }).strict(), kbDetail),
  'kb-create-text': method(
    z.object({ title: z.string().trim().min(1).max(255), content: z.string().trim().min(1).max(100_000), description: z.string().max(1000).nullable().optional() }).strict(),
    queuedWithLocalId,
  ),
  /** A new `content` clears the entry's cached embeddings on SkyLight (the view warns first). */
  'kb-update': method(
    z
      .object({
        id: entryRef,
        changes: z.object({ title: z.string().trim().min(1).max(255), content: z.string().trim().min(1).max(100_000), description: z.string().max(1000).nullable(), businessDescription: z.string().max(1000).nullable() }).partial().strict(),
      })
      .strict(),
    queued,
  ),
  'kb-delete': method(z.object({ id: entryRef }).strict(), queued),
  /** Files picked in a dialog: each checked by type, size and content, staged and queued. */
  'kb-upload': method(z.object({ files: z.array(z.object({ path: z.string().min(1) })).min(1).max(100) }).strict(), z.object({ results: z.array(uploadResult) })),
  /** A file dropped on the view, as bytes (the renderer has no paths). */
  'kb-upload-data': method(
    z.object({ fileName: z.string().min(1).max(255), size: z.number().int().min(0), base64: z.string() }).strict(),
    uploadResult,
  ),
  /** Reads a dropped JSON or CSV catalog for the preview table; nothing is queued. */
  'kb-catalog-preview': method(
    z.object({ fileName: z.string().min(1).max(255), text: z.string().max(5_000_000) }).strict(),
    z.object({ products: z.array(kbProduct), problems: z.array(z.object({ row: z.number(), reason: z.string() })) }),
  ),
  'kb-catalog-create': method(
    z.object({ title: z.string().trim().min(1).max(255), description: z.string().max(1000).nullable().optional(), products: z.array(kbProduct).min(1).max(1000) }).strict(),
    queuedWithLocalId,
  ),
  'kb-products-add': method(z.object({ id: entryRef, products: z.array(kbProduct).min(1).max(1000) }).strict(), queued),
  'kb-product-remove': method(z.object({ id: entryRef, productId: id }).strict(), queued),
  'kb-website': method(z.object({ url: z.string().trim().min(1).max(2048), title: z.string().max(255).optional() }).strict(), queuedWithLocalId),
}
