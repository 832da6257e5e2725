// Knowledge-base entries are read whole; a catalog's products and an entry's content come
// with GET /knowledge-base/{id}. Local changes the outbox makes before the server does.
import { and, eq, inArray } from 'drizzle-orm'
import type { KbDetail, KbEntry, KbStatus } from '../../skylight/resources/knowledge-base'
import { inTransaction, type StoreDb } from '../db'
import { withoutPendingDeletes } from '../queries/pending-deletes'
import { unsettledIds } from '../queries/unsettled-lanes'
import { kbEntries, kbProducts } from '../schema/knowledge-base'
import { epochMs } from '../time'
import { replaceCollection, type ReplaceResult } from './replace'
import { upsertRows } from './upsert-rows'

export function kbEntryRow(e: KbEntry) {
  return {
    id: e.id,
    title: e.title,
    type: e.type,
    description: e.description,
    businessDescription: e.business_description,
    status: e.status,
    embeddingUpdatedAt: e.embedding_updated_at,
    fileName: e.file_name,
    fileSize: e.file_size,
    url: e.url,
    productsCount: e.products_count,
    contentLength: e.content_length,
    createdAt: e.created_at,
    createdAtMs: epochMs(e.created_at),
    updatedAt: e.updated_at,
  } satisfies typeof kbEntries.$inferInsert
}

export interface KbReplaceResult extends ReplaceResult<number> {
  /** Entries whose processing finished or failed since the last read: [id, title, status]. */
  settled: { id: number; title: string; status: string }[]
}

/**
 * Entries the server no longer lists go (with their products), unless `sweep` is false or a
 * change to them still waits in the outbox; content already read stays.
 */
export function replaceKbEntries(db: StoreDb, all: readonly KbEntry[], sweep = true): KbReplaceResult {
  return inTransaction(db, (tx) => {
    const before = new Map(tx.select({ id: kbEntries.id, status: kbEntries.status }).from(kbEntries).all().map((r) => [r.id, r.status]))
    const result = replaceCollection(withoutPendingDeletes(tx, 'kb-entry', all, (e) => e.id).map(kbEntryRow), {
      keyOf: (row) => row.id,
      stored: () => new Map(tx.select().from(kbEntries).all().map((r) => [r.id, r])),
      write: (rows) => upsertRows(tx, kbEntries, rows, kbEntries.id),
      remove: (ids) => tx.delete(kbEntries).where(inArray(kbEntries.id, ids)).run(),
      busy: () => unsettledIds(tx, 'kb-entry'),
    }, sweep)
    // Text read before may be stale now: it is read again when the entry is opened.
    if (result.updated.length > 0) tx.update(kbEntries).set({ content: null }).where(inArray(kbEntries.id, result.updated)).run()
    const settled = all
      .filter((e) => before.get(e.id) === 'processing' && e.status !== 'processing')
      .map((e) => ({ id: e.id, title: e.title, status: e.status }))
    return { ...result, settled }
  })
}

/** The entry in full (content and products), as GET /knowledge-base/{id} gives it. */
export function saveKbDetail(db: StoreDb, d: KbDetail): void {
  inTransaction(db, (tx) => {
    const local = tx.select({ rev: kbEntries.localRevision }).from(kbEntries).where(eq(kbEntries.id, d.id)).get()
    if (local && local.rev > 0) return
    upsertRows(tx, kbEntries, [{ ...kbEntryRow(d), content: d.content }], kbEntries.id)
    tx.delete(kbProducts).where(eq(kbProducts.entryId, d.id)).run()
    upsertRows(tx, kbProducts, d.products.map((p) => ({ id: p.id, entryId: d.id, name: p.name, description: p.description, price: p.price, currency: p.currency, sku: p.sku })), kbProducts.id)
  })
}

/** A status poll's answer: the row's status, crawl state and failure reason. */
export function saveKbStatus(db: StoreDb, s: KbStatus): void {
  db.update(kbEntries)
    .set({ status: s.status, crawlStatus: s.crawl_status, error: s.error, embeddingUpdatedAt: s.embedding_updated_at })
    .where(and(eq(kbEntries.id, s.id), eq(kbEntries.localRevision, 0)))
    .run()
}

export interface LocalKbEntryInput {
  id: number
  title: string
  type: string
  status: string
  description?: string | null
  content?: string | null
  fileName?: string | null
  fileSize?: number | null
  url?: string | null
  productsCount?: number | null
  createdAt: string
}

export function insertLocalKbEntry(db: StoreDb, input: LocalKbEntryInput): void {
  db.insert(kbEntries)
    .values({ ...input, contentLength: input.content?.length ?? null, createdAtMs: epochMs(input.createdAt), updatedAt: input.createdAt, localRevision: 1 })
    .run()
}

/** The server made it: the local row takes its id and fields (content and products too). */
export function rekeyKbEntry(db: StoreDb, localId: number, server: KbDetail): void {
  const local = db.select().from(kbEntries).where(eq(kbEntries.id, localId)).get()
  if (!local) return
  if (localId !== server.id) db.delete(kbEntries).where(eq(kbEntries.id, server.id)).run()
  db.update(kbEntries)
    .set(local.localRevision <= 1 ? { ...kbEntryRow(server), content: server.content } : { id: server.id })
    .where(eq(kbEntries.id, localId))
    .run()
  if (local.localRevision <= 1 && server.products.length > 0) {
    upsertRows(db, kbProducts, server.products.map((p) => ({ id: p.id, entryId: server.id, name: p.name, description: p.description, price: p.price, currency: p.currency, sku: p.sku })), kbProducts.id)
  }
}

export function saveKbEntryIfUnheld(db: StoreDb, server: KbDetail): void {
  const local = db.select({ rev: kbEntries.localRevision }).from(kbEntries).where(eq(kbEntries.id, server.id)).get()
  if (local && local.rev === 0) saveKbDetail(db, server)
}

/** A catalog's product removed ahead of the server; returns it to put back if refused. */
export function takeKbProduct(db: StoreDb, entryId: number, productId: number): Record<string, unknown> | null {
  const row = db.select().from(kbProducts).where(and(eq(kbProducts.entryId, entryId), eq(kbProducts.id, productId))).get()
  if (!row) return null
  db.delete(kbProducts).where(eq(kbProducts.id, productId)).run()
  shiftProductsCount(db, entryId, -1)
  return row
}

export function putBackKbProduct(db: StoreDb, row: Record<string, unknown>): void {
  const entryId = Number(row.entryId)
  if (!db.select({ id: kbEntries.id }).from(kbEntries).where(eq(kbEntries.id, entryId)).get()) return
  db.insert(kbProducts).values(row as typeof kbProducts.$inferInsert).onConflictDoNothing().run()
  shiftProductsCount(db, entryId, 1)
}

/** Products added or removed ahead of the server move the count the list shows. */
export function shiftProductsCount(db: StoreDb, entryId: number, by: number): void {
  const row = db.select({ n: kbEntries.productsCount }).from(kbEntries).where(eq(kbEntries.id, entryId)).get()
  if (row) db.update(kbEntries).set({ productsCount: Math.max(0, (row.n ?? 0) + by) }).where(eq(kbEntries.id, entryId)).run()
}

export function kbProductNames(db: StoreDb, entryId: number): string[] {
  return db.select({ name: kbProducts.name }).from(kbProducts).where(eq(kbProducts.entryId, entryId)).all().map((r) => r.name)
}
