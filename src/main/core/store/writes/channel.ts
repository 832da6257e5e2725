// One channel's status as a live call answered it (connect, poll, refresh, disconnect),
// written at once so the inbox, the campaign editor and the Account area agree before the
// next sync re-reads them all.
import { eq } from 'drizzle-orm'
import type { Channel } from '../../skylight/resources/account'
import { inTransaction, type StoreDb } from '../db'
import { channels } from '../schema/account'

export function saveChannel(db: StoreDb, c: Channel): void {
  inTransaction(db, (tx) => {
    const row = { serverId: c.id, type: c.type, username: c.username, isConnected: c.is_connected, syncStatus: c.sync_status, lastSyncedAt: c.last_synced_at }
    const stored = tx.select({ rowId: channels.rowId }).from(channels).where(eq(channels.type, c.type)).get()
    if (stored) tx.update(channels).set(row).where(eq(channels.rowId, stored.rowId)).run()
    else tx.insert(channels).values(row).run()
  })
}
