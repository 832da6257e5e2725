// The account itself: profile, subscription and connected channels (one account per file).
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import type { Subscription } from '../../skylight/resources/account'
import { localRevision } from './columns'
import { localEntity } from './entity'

export interface PrimaryUser {
  first_name: string | null
  last_name: string | null
  email: string | null
}

export const account = sqliteTable('account', {
  id: integer('id').primaryKey(),
  name: text('name'),
  companyName: text('company_name'),
  displayName: text('display_name').notNull(),
  email: text('email'),
  contactEmail: text('contact_email'),
  timezone: text('timezone'),
  locale: text('locale'),
  address: text('address'),
  /** The newer API's {id, name, code}; null when the server sends none. */
  country: text('country', { mode: 'json' }).$type<{ id: number; name: string | null; code: string | null }>(),
  // The API sends a word or a number; kept as text so neither is lost.
  status: text('status'),
  primaryUser: text('primary_user', { mode: 'json' }).$type<PrimaryUser>(),
  createdAt: text('created_at'),
  // Read through its own endpoint, so it may be missing while the profile is known.
  subscription: text('subscription', { mode: 'json' }).$type<Subscription>(),
  localRevision: localRevision(),
})

// Replaced whole on every read; channels are never edited in the app, so no local marker.
export const channels = sqliteTable('channels', {
  rowId: integer('row_id').primaryKey({ autoIncrement: true }),
  // The API may omit a channel's id; the type is what the views group by.
  serverId: integer('server_id'),
  type: text('type').notNull(),
  username: text('username'),
  isConnected: integer('is_connected', { mode: 'boolean' }).notNull(),
  syncStatus: text('sync_status'),
  lastSyncedAt: text('last_synced_at'),
})

export const accountEntity = localEntity({ name: 'account', noun: 'the account', table: account, key: account.id, revision: account.localRevision })
