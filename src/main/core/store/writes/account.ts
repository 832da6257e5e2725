// The account profile, its subscription and its channels, each read whole.
import type { Account, Channel, Subscription } from '../../skylight/resources/account'
import { inTransaction, type StoreDb } from '../db'
import { notFound } from '../errors'
import { account, channels } from '../schema/account'
import { t } from '../../language'

/**
 * Writes the profile; false when it has local changes and was left alone. The file holds
 * one account, so a row under another id (never expected) is replaced.
 */
export function saveAccount(db: StoreDb, profile: Account): boolean {
  return inTransaction(db, (tx) => {
    const stored = tx.select().from(account).get()
    if (stored && stored.localRevision > 0) return false
    const row = {
      id: profile.id,
      name: profile.name,
      companyName: profile.company_name,
      displayName: profile.display_name,
      email: profile.email,
      contactEmail: profile.contact_email,
      timezone: profile.timezone,
      locale: profile.locale,
      address: profile.address,
      country: profile.country,
      status: profile.status === null ? null : String(profile.status),
      primaryUser: profile.primary_user,
      createdAt: profile.created_at,
    }
    if (stored && stored.id !== profile.id) tx.delete(account).run()
    tx.insert(account).values(row).onConflictDoUpdate({ target: account.id, set: row }).run()
    return true
  })
}

/** The subscription hangs off the profile, so the profile must have been saved first. */
export function saveSubscription(db: StoreDb, subscription: Subscription): void {
  const { changes } = db.update(account).set({ subscription }).run()
  if (changes === 0) throw notFound(t().store_account_profile())
}

/** Channels have no stable key (the API may omit their id), so they are replaced as a set. */
export function replaceChannels(db: StoreDb, all: readonly Channel[]): void {
  inTransaction(db, (tx) => {
    tx.delete(channels).run()
    for (const c of all) {
      tx.insert(channels)
        .values({
          serverId: c.id,
          type: c.type,
          username: c.username,
          isConnected: c.is_connected,
          syncStatus: c.sync_status,
          lastSyncedAt: c.last_synced_at,
        })
        .run()
    }
  })
}

export type AccountPatch = Partial<Pick<typeof account.$inferSelect, 'companyName' | 'displayName' | 'address' | 'timezone' | 'country'>>

/** Sets some profile columns and returns their previous values (to put back on failure). */
export function patchAccount(db: StoreDb, fields: AccountPatch): AccountPatch {
  const stored = db.select().from(account).get()
  if (!stored) throw notFound(t().store_account_profile())
  const previous: Record<string, unknown> = {}
  const set: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue
    previous[key] = stored[key as keyof typeof stored]
    set[key] = value
  }
  if (Object.keys(set).length > 0) db.update(account).set(set).run()
  return previous as AccountPatch
}

/** The profile's id (one account per file), or null before the first sync. */
export function accountId(db: StoreDb): number | null {
  return db.select({ id: account.id }).from(account).get()?.id ?? null
}
