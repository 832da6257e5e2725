// Knowledge-base entries (re-read whole: an account holds tens to hundreds), the content of
// those opened or written here, and a catalog's products (its children).
import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { localRevision } from './columns'
import { localEntity } from './entity'

export const kbEntries = sqliteTable(
  'kb_entries',
  {
    id: integer('id').primaryKey(),
    title: text('title').notNull(),
    type: text('type').notNull(),
    description: text('description'),
    businessDescription: text('business_description'),
    /** active, processing (a crawl under way), failed. */
    status: text('status').notNull(),
    /** Why processing failed, from the last status poll. */
    error: text('error'),
    crawlStatus: text('crawl_status'),
    embeddingUpdatedAt: text('embedding_updated_at'),
    fileName: text('file_name'),
    fileSize: integer('file_size'),
    url: text('url'),
    productsCount: integer('products_count'),
    contentLength: integer('content_length'),
    /** The full text, once the entry was opened (GET /knowledge-base/{id}) or written here. */
    content: text('content'),
    createdAt: text('created_at'),
    createdAtMs: integer('created_at_ms').notNull().default(0),
    updatedAt: text('updated_at'),
    localRevision: localRevision(),
  },
  (t) => [index('kb_entries_recent_idx').on(t.createdAtMs, t.id)],
)

export const kbProducts = sqliteTable(
  'kb_products',
  {
    id: integer('id').primaryKey(),
    entryId: integer('entry_id')
      .notNull()
      .references(() => kbEntries.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    name: text('name').notNull(),
    description: text('description'),
    price: real('price'),
    currency: text('currency'),
    sku: text('sku'),
  },
  (t) => [index('kb_products_entry_idx').on(t.entryId)],
)

export const kbEntryEntity = localEntity({ name: 'kb-entry', noun: 'knowledge base entry', table: kbEntries, key: kbEntries.id, revision: kbEntries.localRevision, label: kbEntries.title, refKeys: ['entryId'] })
