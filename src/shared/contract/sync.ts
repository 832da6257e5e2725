import { z } from 'zod'
import { method } from './define'
import { resourceName } from './resources'

export const syncStatus = z.object({
  accountId: z.string(),
  state: z.enum(['idle', 'syncing', 'offline', 'server-error', 'key-rejected', 'error', 'stopped']),
  kind: z.enum(['first', 'poll', 'refresh', 'full']).nullable(),
  firstSyncDone: z.boolean(),
  lastSyncedAt: z.string().nullable(),
  progress: z.partialRecord(resourceName, z.object({ done: z.number(), total: z.number().nullable() })),
  message: z.string().nullable(),
  /**
   * SkyLight asked this key to wait (429): when requests resume (ISO time), for a visible
   * countdown; null or absent when not waiting.
   */
  retryAt: z.string().nullable().optional(),
})
export type SyncStatusView = z.output<typeof syncStatus>

export const syncMethods = {
  /** The active account's sync status (or the given account's). */
  'sync-status': method(z.object({ accountId: z.string().optional() }).strict(), syncStatus.nullable()),
  'sync-now': method(
    z.object({ accountId: z.string().optional(), kind: z.enum(['poll', 'refresh', 'full']).optional() }).strict(),
    z.object({}),
  ),
}
