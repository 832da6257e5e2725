// Knowledge-base entries of one account. Text, documents, voice and product catalogs are
// processed synchronously (as the docs' table says); a website is crawled asynchronously:
// its status advances with the sandbox's clock (pending → crawling → completed or failed),
// worked out when read, so tests drive it with `now` instead of waiting.
import { iso, isoOrNull } from './time'

const SECOND = 1_000

export const KB_TYPES = ['text', 'document', 'voice', 'product_catalog', 'website'] as const
export type KbType = (typeof KB_TYPES)[number]

export const DOCUMENT_EXTENSIONS = ['pdf', 'docx', 'xlsx', 'txt', 'csv'] as const
export const VOICE_EXTENSIONS = ['mp3', 'wav', 'm4a', 'ogg', 'webm', 'mp4', 'mpeg', 'mpga'] as const
/** Documents as large as media files; audio as large as Whisper takes (25 MB). */
export const MAX_DOCUMENT_BYTES = 52_428_800
export const MAX_VOICE_BYTES = 26_214_400

/** How long a crawl waits, then runs, in sandbox time. */
export const CRAWL_PENDING_MS = 2 * SECOND
export const CRAWL_RUNNING_MS = 6 * SECOND

export interface ProductRec {
  id: number
  name: string
  description: string | null
  price: number | null
  currency: string | null
  sku: string | null
}

export interface KbEntryRec {
  id: number
  title: string
  type: KbType
  description: string | null
  businessDescription: string | null
  content: string | null
  file: { name: string; size: number; extension: string } | null
  url: string | null
  /** Why the crawl will fail (decided when submitted), or null when it will complete. */
  crawlFailure: string | null
  products: ProductRec[]
  embeddingUpdatedAt: number | null
  createdAt: number
  updatedAt: number
}

export type CrawlStatus = 'pending' | 'crawling' | 'completed' | 'failed'

export function crawlStatus(e: KbEntryRec, now: number): CrawlStatus | null {
  if (e.type !== 'website') return null
  const age = now - e.createdAt
  if (age < CRAWL_PENDING_MS) return 'pending'
  if (age < CRAWL_PENDING_MS + CRAWL_RUNNING_MS) return 'crawling'
  return e.crawlFailure ? 'failed' : 'completed'
}

/** The entry's `status`: active, processing (a crawl under way) or failed. */
export function entryStatus(e: KbEntryRec, now: number): 'active' | 'processing' | 'failed' {
  const crawl = crawlStatus(e, now)
  if (crawl === null || crawl === 'completed') return 'active'
  return crawl === 'failed' ? 'failed' : 'processing'
}

/** A finished crawl's text, and when its embeddings were made. */
function settled(e: KbEntryRec, now: number) {
  if (e.type !== 'website') return { content: e.content, embeddingUpdatedAt: e.embeddingUpdatedAt }
  if (crawlStatus(e, now) !== 'completed') return { content: null, embeddingUpdatedAt: null }
  const done = e.createdAt + CRAWL_PENDING_MS + CRAWL_RUNNING_MS
  return { content: e.content ?? `Crawled text of ${e.url}: opening hours, delivery areas and contact details.`, embeddingUpdatedAt: e.embeddingUpdatedAt ?? done }
}

/** The docs' KnowledgeBase object, with the sizes the list shows (file, products, text). */
export function kbEntryJson(e: KbEntryRec, now: number) {
  const s = settled(e, now)
  return {
    id: e.id,
    title: e.title,
    type: e.type,
    description: e.description,
    business_description: e.businessDescription,
    status: entryStatus(e, now),
    embedding_updated_at: isoOrNull(s.embeddingUpdatedAt),
    file_name: e.file?.name ?? null,
    file_size: e.file?.size ?? null,
    url: e.url,
    products_count: e.type === 'product_catalog' ? e.products.length : null,
    content_length: s.content?.length ?? 0,
    created_at: iso(e.createdAt),
    updated_at: iso(e.updatedAt),
  }
}

export function productJson(p: ProductRec) {
  return { id: p.id, name: p.name, description: p.description, price: p.price, currency: p.currency, sku: p.sku }
}

/** GET /knowledge-base/{id}: the entry with all its content. */
export function kbDetailJson(e: KbEntryRec, now: number) {
  return {
    ...kbEntryJson(e, now),
    content: settled(e, now).content,
    products: e.type === 'product_catalog' ? e.products.map(productJson) : [],
  }
}

export function kbStatusJson(e: KbEntryRec, now: number) {
  const crawl = crawlStatus(e, now)
  return {
    id: e.id,
    type: e.type,
    status: entryStatus(e, now),
    crawl_status: crawl,
    error: crawl === 'failed' ? e.crawlFailure : null,
    embedding_updated_at: isoOrNull(settled(e, now).embeddingUpdatedAt),
  }
}

/** Websites that cannot be crawled, by what their address says (for tests and demos). */
export function crawlFailureFor(url: URL): string | null {
  if (url.hostname.endsWith('.invalid')) return `The site ${url.hostname} could not be reached (DNS lookup failed).`
  if (url.hostname.includes('blocked')) return `The site ${url.hostname} refused the crawler (HTTP 403).`
  return null
}

export const byNewest = (a: KbEntryRec, b: KbEntryRec) => b.createdAt - a.createdAt || b.id - a.id
