// Campaigns, their audience as the server lists it, and per-contact delivery.
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { localRevision, unseen } from './columns'
import { localEntity } from './entity'

export const campaigns = sqliteTable(
  'campaigns',
  {
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
    status: text('status').notNull(),
    message: text('message'),
    contactIds: text('contact_ids', { mode: 'json' }).$type<number[]>().notNull(),
    listIds: text('list_ids', { mode: 'json' }).$type<number[]>().notNull(),
    segmentIds: text('segment_ids', { mode: 'json' }).$type<number[]>().notNull(),
    totalContacts: integer('total_contacts').notNull(),
    successCount: integer('success_count').notNull(),
    failedCount: integer('failed_count').notNull(),
    progressPercentage: integer('progress_percentage').notNull(),
    campaignDay: integer('campaign_day'),
    messagesSentToday: integer('messages_sent_today'),
    dailyLimit: integer('daily_limit'),
    remainingToday: integer('remaining_today'),
    isNewNumber: integer('is_new_number', { mode: 'boolean' }).notNull(),
    channelId: integer('channel_id'),
    channelName: text('channel_name'),
    channelType: text('channel_type'),
    campaignContactsCount: integer('campaign_contacts_count').notNull(),
    sentContactsCount: integer('sent_contacts_count').notNull(),
    failedContactsCount: integer('failed_contacts_count').notNull(),
    pendingContactsCount: integer('pending_contacts_count').notNull(),
    startedAt: text('started_at'),
    completedAt: text('completed_at'),
    createdAt: text('created_at'),
    createdAtMs: integer('created_at_ms').notNull().default(0),
    updatedAt: text('updated_at'),
    localRevision: localRevision(),
  },
  (t) => [index('campaigns_recent_idx').on(t.createdAtMs, t.id)],
)

// No foreign key to contacts: a delivery record carries its own name and phone and stays
// meaningful after the contact is gone.
export const campaignContacts = sqliteTable(
  'campaign_contacts',
  {
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    contactId: integer('contact_id').notNull(),
    serverId: integer('server_id'),
    contactName: text('contact_name'),
    phone: text('phone'),
    status: text('status').notNull(),
    sentAt: text('sent_at'),
    error: text('error'),
    unseen: unseen(),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.contactId] }),
    index('campaign_contacts_status_idx').on(t.campaignId, t.status),
  ],
)

export const campaignEntity = localEntity({ name: 'campaign', noun: 'campaign', table: campaigns, key: campaigns.id, revision: campaigns.localRevision, label: campaigns.name, refKeys: ['campaignId'] })
