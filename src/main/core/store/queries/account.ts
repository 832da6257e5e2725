// The account as the settings and header show it.
import type { StoreDb } from '../db'
import { account, channels } from '../schema/account'

export type AccountView = Omit<typeof account.$inferSelect, 'localRevision'> & {
  channels: Omit<typeof channels.$inferSelect, 'rowId'>[]
  pending: boolean
}

/**
 * Null before the first sync has stored the profile: an expected state of a new account,
 * not an error, so the views show "loading" instead of failing.
 */
export function getAccount(db: StoreDb): AccountView | null {
  const row = db.select().from(account).get()
  if (!row) return null
  const { localRevision, ...fields } = row
  return {
    ...fields,
    channels: db
      .select()
      .from(channels)
      .orderBy(channels.type, channels.rowId)
      .all()
      .map(({ rowId: _r, ...c }) => c),
    pending: localRevision > 0,
  }
}
