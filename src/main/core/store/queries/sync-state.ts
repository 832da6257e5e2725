// Where sync stands for one resource.
import { eq } from 'drizzle-orm'
import type { StoreDb } from '../db'
import { syncState } from '../schema/sync-state'

export type SyncState = typeof syncState.$inferSelect

/** Null for a resource never synced. */
export function getSyncState(db: StoreDb, resource: string): SyncState | null {
  return db.select().from(syncState).where(eq(syncState.resource, resource)).get() ?? null
}
