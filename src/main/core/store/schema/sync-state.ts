// Where sync stands for each resource, so it resumes instead of starting over.
import { sqliteTable, text } from 'drizzle-orm/sqlite-core'

export const syncState = sqliteTable('sync_state', {
  // e.g. 'contacts', 'conversations', 'messages:42' — the sync engine names them.
  resource: text('resource').primaryKey(),
  // Opaque to the store: whatever the sync engine needs to resume (page, newest seen, …).
  cursor: text('cursor', { mode: 'json' }).$type<unknown>(),
  progress: text('progress', { mode: 'json' }).$type<unknown>(),
  lastFullPassAt: text('last_full_pass_at'),
  lastSyncedAt: text('last_synced_at'),
})
