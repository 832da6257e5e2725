// The media library: newest first, by type and by name.
import { and, desc, eq, sql } from 'drizzle-orm'
import type { StoreDb } from '../db'
import { notFound } from '../errors'
import { media } from '../schema/media'
import { foldForComparison } from '../search/normalize'
import { clampLimit, toPage, type Page } from './page'

export interface MediaCursor {
  at: number
  id: number
}

export type MediaItem = Omit<typeof media.$inferSelect, 'createdAtMs' | 'searchText' | 'unseen' | 'localRevision'> & {
  pending: boolean
}

export interface MediaPageOptions {
  type?: 'image' | 'video' | (string & {})
  /** Words that must all appear in the name or original file name. */
  search?: string
  limit?: number
  before?: MediaCursor
}

// LIKE wildcards in what the user typed are matched literally.
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

export function mediaPage(db: StoreDb, options: MediaPageOptions = {}): Page<MediaItem, MediaCursor> {
  const { before } = options
  const words = foldForComparison(options.search ?? '')
    .split(/\s+/)
    .filter(Boolean)
  const rows = db
    .select()
    .from(media)
    .where(
      and(
        options.type === undefined ? undefined : eq(media.fileType, options.type),
        ...words.map((word) => sql`${media.searchText} LIKE ${`%${escapeLike(word)}%`} ESCAPE '\\'`),
        before && sql`(${media.createdAtMs}, ${media.id}) < (${before.at}, ${before.id})`,
      ),
    )
    .orderBy(desc(media.createdAtMs), desc(media.id))
    .limit(clampLimit(options.limit) + 1)
    .all()
  return toPage(rows, clampLimit(options.limit), toItem, (row) => ({ at: row.createdAtMs, id: row.id }))
}

export function getMedia(db: StoreDb, mediaId: number): MediaItem {
  const row = db.select().from(media).where(eq(media.id, mediaId)).get()
  if (!row) throw notFound({ kind: 'media', id: mediaId })
  return toItem(row)
}

function toItem({ createdAtMs: _a, searchText: _s, unseen: _u, localRevision, ...row }: typeof media.$inferSelect): MediaItem {
  return { ...row, pending: localRevision > 0 }
}
