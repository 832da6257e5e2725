// /knowledge-base: entries of five types, their processing (a website's crawl runs on the
// server and is polled), a catalog's products, and the streamed document and audio uploads.
import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { z } from 'zod'
import type { CallOptions, SkyLightClient } from '../client'
import { LocalFileError } from '../errors'
import { checkKbFile } from '../kb-rules'
import { multipartBody } from '../multipart'
import { id, int, looseEnum, nullable, timestamp } from '../schema'

export const kbTypes = ['text', 'document', 'voice', 'product_catalog', 'website'] as const
export const kbStatuses = ['active', 'processing', 'failed'] as const

const price = z.union([z.number(), z.string().regex(/^\d+(\.\d+)?$/).transform(Number)])

export const kbProduct = z.object({
  id,
  name: z.string().nullish().transform((v) => v ?? ''),
  description: nullable(z.string()),
  price: nullable(price),
  currency: nullable(z.string()),
  sku: nullable(z.string()),
})
export type KbProduct = z.output<typeof kbProduct>

export const kbEntry = z.object({
  id,
  title: z.string().nullish().transform((v) => v ?? ''),
  type: looseEnum(kbTypes),
  description: nullable(z.string()),
  business_description: nullable(z.string()),
  status: z.string().nullish().transform((v) => v ?? 'active'),
  embedding_updated_at: nullable(timestamp),
  // Not in the docs' object; read when sent (this app shows sizes).
  file_name: nullable(z.string()),
  file_size: nullable(int),
  url: nullable(z.string()),
  products_count: nullable(int),
  content_length: nullable(int),
  created_at: nullable(timestamp),
  updated_at: nullable(timestamp),
})
export type KbEntry = z.output<typeof kbEntry>

export const kbDetail = kbEntry.extend({
  content: nullable(z.string()),
  products: z.array(kbProduct).nullish().transform((v) => v ?? []),
})
export type KbDetail = z.output<typeof kbDetail>

export const kbStatus = z.object({
  id,
  status: z.string().nullish().transform((v) => v ?? 'active'),
  crawl_status: nullable(z.string()),
  error: nullable(z.string()),
  embedding_updated_at: nullable(timestamp),
})
export type KbStatus = z.output<typeof kbStatus>

export interface KbTextInput {
  title: string
  content: string
  description?: string | null
  business_description?: string | null
}
export interface KbProductInput {
  name: string
  description?: string | null
  price?: number | null
  currency?: string | null
  sku?: string | null
}
export type KbChanges = Partial<KbTextInput>

export interface KbUploadOptions extends CallOptions {
  fileName?: string
  title?: string
  onProgress?: (sentBytes: number, totalBytes: number) => void
}

export function knowledgeBaseApi(client: SkyLightClient) {
  const item = (entryId: number, rest = '') => `/knowledge-base/${entryId}${rest}`

  /** Streams a document or audio file from disk; never repeated on an unknown outcome. */
  async function upload(kind: 'document' | 'voice', path: string, options: KbUploadOptions = {}) {
    const fileName = options.fileName ?? basename(path)
    const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
      throw new LocalFileError(`“${fileName}” can no longer be read (${error.code ?? 'unknown error'}).`, { cause: error })
    })
    const check = checkKbFile(fileName, info.size)
    if (!check.ok) throw new LocalFileError(check.reason)
    if (check.kind !== kind) throw new LocalFileError(`“${fileName}” is not ${kind === 'voice' ? 'audio' : 'a document'}.`)
    const { body, contentType } = multipartBody(options.title ? { title: options.title } : {}, { field: 'file', path, fileName, size: info.size, contentType: check.mime })
    const { title: _t, fileName: _f, onProgress, ...call } = options
    return client.data(
      { method: 'POST', path: `/knowledge-base/${kind}`, upload: { body, contentType, ...(onProgress ? { onProgress } : {}) }, ...call },
      kbDetail,
    )
  }

  return {
    list: (query: { page?: number; per_page?: number; type?: string; search?: string } = {}, o?: CallOptions) =>
      client.page({ method: 'GET', path: '/knowledge-base', query: { ...query }, ...o }, kbEntry),
    get: (entryId: number, o?: CallOptions) => client.data({ method: 'GET', path: item(entryId), ...o }, kbDetail),
    createText: (input: KbTextInput, o?: CallOptions) => client.data({ method: 'POST', path: '/knowledge-base', json: input, ...o }, kbDetail),
    uploadDocument: (path: string, options?: KbUploadOptions) => upload('document', path, options),
    uploadVoice: (path: string, options?: KbUploadOptions) => upload('voice', path, options),
    /** A catalog from products the app already read (a JSON array, or a CSV parsed and previewed). */
    createCatalog: (input: { title: string; description?: string | null; products: KbProductInput[] }, o?: CallOptions) =>
      client.data({ method: 'POST', path: '/knowledge-base/product-catalog', json: input, ...o }, kbDetail),
    /** Starts a crawl; poll status() until it completes or fails. */
    submitWebsite: (input: { url: string; title?: string | null }, o?: CallOptions) =>
      client.data({ method: 'POST', path: '/knowledge-base/website', json: input, ...o }, kbDetail),
    status: (entryId: number, o?: CallOptions) => client.data({ method: 'GET', path: item(entryId, '/status'), ...o }, kbStatus),
    addProducts: (entryId: number, products: KbProductInput[], o?: CallOptions) =>
      client.data({ method: 'POST', path: item(entryId, '/products'), json: { products }, ...o }, kbDetail),
    removeProduct: (entryId: number, productId: number, o?: CallOptions) =>
      client.send({ method: 'DELETE', path: item(entryId, `/products/${productId}`), ...o }),
    /** A changed `content` clears the entry's cached embeddings on the server. */
    update: (entryId: number, changes: KbChanges, o?: CallOptions) => client.data({ method: 'PUT', path: item(entryId), json: changes, ...o }, kbDetail),
    delete: (entryId: number, o?: CallOptions) => client.send({ method: 'DELETE', path: item(entryId), ...o }),
  }
}
