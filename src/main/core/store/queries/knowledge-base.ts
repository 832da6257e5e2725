// The knowledge-base view: entries filtered by type and status and searched by title and
// description locally (works offline), and one entry with its content and products.
import { and, asc, desc, eq, like, or, type SQL } from 'drizzle-orm'
import type { StoreDb } from '../db'
import { notFound } from '../errors'
import { kbEntries, kbProducts } from '../schema/knowledge-base'

export interface KbFilter {
  type?: string
  status?: string
  search?: string
}

export interface KbItem {
  id: number
  title: string
  type: string
  status: string
  description: string | null
  error: string | null
  /** Bytes of the uploaded file, characters of text, or products of a catalog: whichever applies. */
  fileSize: number | null
  contentLength: number | null
  productsCount: number | null
  fileName: string | null
  url: string | null
  embeddingUpdatedAt: string | null
  createdAt: string | null
  pending: boolean
}

export interface KbProductItem {
  id: number
  name: string
  description: string | null
  price: number | null
  currency: string | null
  sku: string | null
}

export interface KbDetailView extends KbItem {
  businessDescription: string | null
  crawlStatus: string | null
  /** null when not read yet (open the entry online to fetch it). */
  content: string | null
  products: KbProductItem[]
  updatedAt: string | null
}

type Row = typeof kbEntries.$inferSelect

function toItem(r: Row): KbItem {
  return {
    id: r.id,
    title: r.title,
    type: r.type,
    status: r.status,
    description: r.description,
    error: r.error,
    fileSize: r.fileSize,
    contentLength: r.contentLength,
    productsCount: r.productsCount,
    fileName: r.fileName,
    url: r.url,
    embeddingUpdatedAt: r.embeddingUpdatedAt,
    createdAt: r.createdAt,
    pending: r.localRevision > 0,
  }
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

export function kbList(db: StoreDb, filter: KbFilter = {}): KbItem[] {
  const search = filter.search?.trim()
  const where: (SQL | undefined)[] = [
    filter.type ? eq(kbEntries.type, filter.type) : undefined,
    filter.status ? eq(kbEntries.status, filter.status) : undefined,
    search ? or(like(kbEntries.title, `%${escapeLike(search)}%`), like(kbEntries.description, `%${escapeLike(search)}%`), like(kbEntries.url, `%${escapeLike(search)}%`)) : undefined,
  ]
  return db.select().from(kbEntries).where(and(...where)).orderBy(desc(kbEntries.createdAtMs), desc(kbEntries.id)).all().map(toItem)
}

export function getKbEntry(db: StoreDb, id: number): KbDetailView {
  const row = db.select().from(kbEntries).where(eq(kbEntries.id, id)).get()
  if (!row) throw notFound({ kind: 'kb-entry', id: id })
  const products = db
    .select({ id: kbProducts.id, name: kbProducts.name, description: kbProducts.description, price: kbProducts.price, currency: kbProducts.currency, sku: kbProducts.sku })
    .from(kbProducts)
    .where(eq(kbProducts.entryId, id))
    .orderBy(asc(kbProducts.id))
    .all()
  return { ...toItem(row), businessDescription: row.businessDescription, crawlStatus: row.crawlStatus, content: row.content, products, updatedAt: row.updatedAt }
}

/** Websites whose crawl is still under way (the view polls them while online). */
export function kbProcessingIds(db: StoreDb): number[] {
  return db.select({ id: kbEntries.id }).from(kbEntries).where(eq(kbEntries.status, 'processing')).all().map((r) => r.id)
}
