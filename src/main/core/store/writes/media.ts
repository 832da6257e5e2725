// Writes of the media library as sync receives it, and of where a file is cached locally.
import { eq } from 'drizzle-orm'
import type { MediaFile } from '../../skylight/resources/media'
import { inTransaction, type StoreDb } from '../db'
import { notFound } from '../errors'
import { media } from '../schema/media'
import { foldForComparison } from '../search/normalize'
import { epochMs } from '../time'
import { withoutPendingDeletes } from '../queries/pending-deletes'
import { partition, type PageWrite } from './partition'
import { inIds, upsertRows } from './upsert-rows'

export function mediaRow(file: MediaFile) {
  return {
    id: file.id,
    name: file.name,
    originalName: file.original_name,
    url: file.url,
    fileType: file.file_type,
    mimeType: file.mime_type,
    extension: file.extension,
    fileSize: file.file_size,
    formattedSize: file.formatted_size,
    width: file.metadata?.width ?? null,
    height: file.metadata?.height ?? null,
    uploadedBy: file.uploaded_by,
    isActive: file.is_active,
    createdAt: file.created_at,
    createdAtMs: epochMs(file.created_at),
    updatedAt: file.updated_at,
    searchText: foldForComparison(`${file.name} ${file.original_name ?? ''}`),
  } satisfies typeof media.$inferInsert
}

/** One page of /media, in one transaction. The local cache columns are never touched. */
export function upsertMedia(db: StoreDb, page: readonly MediaFile[]): PageWrite<number> {
  return inTransaction(db, (tx) => {
    const incoming = withoutPendingDeletes(tx, 'media', page, (m) => m.id).map(mediaRow)
    const stored = new Map(
      tx.select().from(media).where(inIds(media.id, incoming.map((r) => r.id))).all().map((r) => [r.id, r]),
    )
    const { insert, update, result } = partition(incoming, (r) => r.id, stored)
    upsertRows(tx, media, [...insert, ...update].map((values) => ({ ...values, unseen: false })), media.id)
    if (result.unchanged.length > 0) {
      tx.update(media).set({ unseen: false }).where(inIds(media.id, result.unchanged)).run()
    }
    return result
  })
}

/** Records (or, with null, forgets) the cached copy of a media file. */
export function setMediaCachePath(db: StoreDb, mediaId: number, localPath: string | null, cachedAt = new Date().toISOString()): void {
  const { changes } = db
    .update(media)
    .set({ localPath, cachedAt: localPath === null ? null : cachedAt })
    .where(eq(media.id, mediaId))
    .run()
  if (changes === 0) throw notFound({ kind: 'media', id: mediaId })
}
