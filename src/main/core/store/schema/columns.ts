// Columns every synced table shares, so sync and the outbox speak about them one way.
import { integer } from 'drizzle-orm/sqlite-core'

/**
 * 0 when the row is exactly what the server last sent. The outbox raises it when it queues
 * a change to the row and lowers it when the change is carried out; sync never overwrites
 * or deletes a row whose revision is above 0, so the user's pending edit stays visible.
 */
export const localRevision = () => integer('local_revision').notNull().default(0)

/**
 * Mark-and-sweep flag for deletion passes: a pass sets it on every row in scope, each row
 * the server still sends clears it, and what is left set at the end was deleted upstream.
 */
export const unseen = () => integer('unseen', { mode: 'boolean' }).notNull().default(false)
