// The outbox: the user's outgoing actions, queued in the same file (and the same
// transaction) as the optimistic local change they make, so neither exists without the other.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

export const outboxActions = sqliteTable(
  'outbox_actions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    // e.g. 'send-message'; with `version`, says how to read `payload`.
    kind: text('kind').notNull(),
    version: integer('version').notNull(),
    payload: text('payload', { mode: 'json' }).$type<unknown>().notNull(),
    // The entity whose actions run one at a time in order, e.g. 'contact:42' or 'media:-3'.
    lane: text('lane').notNull(),
    // queued | in-flight | done | failed | cancelled
    state: text('state').notNull(),
    attempts: integer('attempts').notNull().default(0),
    // Epoch ms; the runner leaves a queued action alone until then.
    nextAttemptAt: integer('next_attempt_at').notNull().default(0),
    // Epoch ms of the first attempt since it was queued or retried: bounds the retry time
    // and is the earliest moment a reconciled record can have been created.
    firstAttemptAt: integer('first_attempt_at'),
    // The last request may have reached the server: look for its effect before sending again.
    needsReconcile: integer('needs_reconcile', { mode: 'boolean' }).notNull().default(false),
    lastError: text('last_error', { mode: 'json' }).$type<{ type: string; message: string; fields?: Record<string, string[]> }>(),
    // What the server showed before the request went out (the newest id of the list its record
    // would join) and whether anyone has looked since: the evidence reconciling goes by.
    evidence: text('evidence', { mode: 'json' }).$type<unknown>(),
    // What the server answered (e.g. the created record's id), for reconciliation of others.
    result: text('result', { mode: 'json' }).$type<unknown>(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('outbox_actions_state_idx').on(t.state, t.nextAttemptAt), index('outbox_actions_lane_idx').on(t.lane, t.id)],
)

// Local ids for entities created offline (negative, so they never meet a server id).
export const outboxLocalIds = sqliteTable('outbox_local_ids', {
  entity: text('entity').primaryKey(),
  last: integer('last').notNull(),
})
