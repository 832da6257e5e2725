// The account's media library, with where a file is cached on this machine.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { localRevision, unseen } from './columns'
import { localEntity } from './entity'

export const media = sqliteTable(
  'media',
  {
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
    originalName: text('original_name'),
    url: text('url').notNull(),
    fileType: text('file_type'),
    mimeType: text('mime_type'),
    extension: text('extension'),
    fileSize: integer('file_size'),
    formattedSize: text('formatted_size'),
    width: integer('width'),
    height: integer('height'),
    uploadedBy: text('uploaded_by'),
    isActive: integer('is_active', { mode: 'boolean' }).notNull(),
    createdAt: text('created_at'),
    createdAtMs: integer('created_at_ms').notNull().default(0),
    updatedAt: text('updated_at'),
    // Names folded (search/normalize foldForComparison); the library is small enough for LIKE.
    searchText: text('search_text').notNull().default(''),
    // Set by the media cache; sync never touches these two.
    localPath: text('local_path'),
    cachedAt: text('cached_at'),
    localRevision: localRevision(),
    unseen: unseen(),
  },
  (t) => [
    index('media_recent_idx').on(t.createdAtMs, t.id),
    index('media_type_recent_idx').on(t.fileType, t.createdAtMs, t.id),
  ],
)

export const mediaEntity = localEntity({ name: 'media', noun: 'media file', table: media, key: media.id, revision: media.localRevision, label: media.name, refKeys: ['mediaId'] })
