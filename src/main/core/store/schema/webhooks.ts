// The account's webhooks, re-read whole. There is deliberately no secret column: a
// webhook's signing secret is a credential and never reaches this file.
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { localRevision } from './columns'
import { localEntity } from './entity'

export const webhooks = sqliteTable('webhooks', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  url: text('url').notNull(),
  events: text('events', { mode: 'json' }).$type<string[]>().notNull(),
  isActive: integer('is_active', { mode: 'boolean' }).notNull(),
  deliveryLogsCount: integer('delivery_logs_count'),
  createdAt: text('created_at'),
  updatedAt: text('updated_at'),
  localRevision: localRevision(),
})

/** The catalogue of event names a webhook can subscribe to (GET /webhooks/events), kept for offline forms. */
export const webhookEvents = sqliteTable('webhook_events', {
  name: text('name').primaryKey(),
  group: text('group').notNull(),
  description: text('description'),
  /** Catalogue order, so the checklist reads as the server lists it. */
  position: integer('position').notNull(),
})

export const webhookEntity = localEntity({ name: 'webhook', noun: 'webhook', table: webhooks, key: webhooks.id, revision: webhooks.localRevision, label: webhooks.name, refKeys: ['webhookId'] })
