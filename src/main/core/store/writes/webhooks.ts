// Webhooks: replaced whole on every read; rows the outbox holds stay as the user left them.
// Nothing here takes a secret: the wire type the writes accept has none.
import { and, eq, inArray } from 'drizzle-orm'
import type { Webhook, WebhookEvent } from '../../skylight/resources/webhooks'
import { inTransaction, type StoreDb } from '../db'
import { withoutPendingDeletes } from '../queries/pending-deletes'
import { webhookEvents, webhooks } from '../schema/webhooks'
import { unsettledIds } from '../queries/unsettled-lanes'
import { replaceCollection, type ReplaceResult } from './replace'
import { upsertRows } from './upsert-rows'

export function webhookRow(w: Webhook) {
  return {
    id: w.id,
    name: w.name,
    url: w.url,
    events: w.events,
    isActive: w.is_active,
    deliveryLogsCount: w.delivery_logs_count,
    createdAt: w.created_at,
    updatedAt: w.updated_at,
  } satisfies typeof webhooks.$inferInsert
}

/** `sweep: false` when the read may have missed rows: nothing is removed. */
export function replaceWebhooks(db: StoreDb, all: readonly Webhook[], sweep = true): ReplaceResult<number> {
  return inTransaction(db, (tx) =>
    replaceCollection(withoutPendingDeletes(tx, 'webhook', all, (w) => w.id).map(webhookRow), {
      keyOf: (row) => row.id,
      stored: () => new Map(tx.select().from(webhooks).all().map((r) => [r.id, r])),
      write: (rows) => upsertRows(tx, webhooks, rows, webhooks.id),
      remove: (ids) => tx.delete(webhooks).where(inArray(webhooks.id, ids)).run(),
      busy: () => unsettledIds(tx, 'webhook'),
    }, sweep),
  )
}

export function insertLocalWebhook(db: StoreDb, row: { id: number; name: string; url: string; events: string[]; isActive: boolean }): void {
  db.insert(webhooks).values({ ...row, deliveryLogsCount: 0, createdAt: new Date().toISOString(), localRevision: 1 }).run()
}

export function rekeyWebhook(db: StoreDb, localId: number, server: Webhook): void {
  const local = db.select().from(webhooks).where(eq(webhooks.id, localId)).get()
  if (!local) return
  if (localId !== server.id) db.delete(webhooks).where(eq(webhooks.id, server.id)).run()
  const fields = local.localRevision <= 1 ? webhookRow(server) : { id: server.id }
  db.update(webhooks).set(fields).where(eq(webhooks.id, localId)).run()
}

/** Writes the server's copy of a webhook over the local one if nothing else holds it. */
export function saveWebhookIfUnheld(db: StoreDb, server: Webhook): void {
  db.update(webhooks).set(webhookRow(server)).where(and(eq(webhooks.id, server.id), eq(webhooks.localRevision, 0))).run()
}

/** The event catalogue, replaced whole; an empty answer keeps what was known. */
export function replaceWebhookEvents(db: StoreDb, events: readonly WebhookEvent[]): void {
  if (events.length === 0) return
  inTransaction(db, (tx) => {
    tx.delete(webhookEvents).run()
    events.forEach((e, position) => tx.insert(webhookEvents).values({ name: e.name, group: e.group, description: e.description, position }).onConflictDoNothing().run())
  })
}
