// Where sync stands per resource; written by the sync engine as it goes.
import { eq } from 'drizzle-orm'
import type { StoreDb } from '../db'
import { syncState } from '../schema/sync-state'

export interface SyncStatePatch {
  cursor?: unknown
  progress?: unknown
  lastFullPassAt?: string | null
  lastSyncedAt?: string | null
}

/** Merges the given fields into the resource's state (fields left out keep their value). */
export function saveSyncState(db: StoreDb, resource: string, patch: SyncStatePatch): void {
  const values = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as SyncStatePatch
  db.insert(syncState)
    .values({ resource, ...values })
    .onConflictDoUpdate({ target: syncState.resource, set: Object.keys(values).length > 0 ? values : { resource } })
    .run()
}

/** Forgets a resource's state (e.g. a conversation's history cursor once it is complete). */
export function deleteSyncState(db: StoreDb, resource: string): void {
  db.delete(syncState).where(eq(syncState.resource, resource)).run()
}
