// Reads and writes of the outbox table. Every function takes the db first, so the facade
// can run them inside the transaction that also makes the action's local change.
import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm'
import { outboxActions, type StoreDb } from '../store'
import { refsOf, rewriteRefs, type RefEntity } from './payload'
import type { ActionError, ActionState, OutboxCounts } from './types'

export type ActionRow = typeof outboxActions.$inferSelect
export type ActionPatch = Partial<Omit<ActionRow, 'id' | 'createdAt'>>

const ACTIVE: ActionState[] = ['queued', 'in-flight']

export function insertAction(
  db: StoreDb,
  row: { kind: string; version: number; payload: unknown; lane: string; now: number },
): number {
  return db
    .insert(outboxActions)
    .values({ kind: row.kind, version: row.version, payload: row.payload, lane: row.lane, state: 'queued', createdAt: row.now, updatedAt: row.now })
    .returning({ id: outboxActions.id })
    .get().id
}

export function getAction(db: StoreDb, id: number): ActionRow | undefined {
  return db.select().from(outboxActions).where(eq(outboxActions.id, id)).get()
}

export function updateAction(db: StoreDb, id: number, patch: ActionPatch, now: number): void {
  db.update(outboxActions).set({ ...patch, updatedAt: now }).where(eq(outboxActions.id, id)).run()
}

export function listActions(db: StoreDb, states?: readonly ActionState[]): ActionRow[] {
  const query = db.select().from(outboxActions)
  return (states ? query.where(inArray(outboxActions.state, [...states])) : query).orderBy(asc(outboxActions.id)).all()
}

/** Queued and in-flight actions, oldest first: the runner picks each lane's first. */
export function activeActions(db: StoreDb): ActionRow[] {
  return listActions(db, ACTIVE)
}

/** The newest action of a lane that has not finished, for coalescing. */
export function lastActiveInLane(db: StoreDb, lane: string): ActionRow | undefined {
  return db
    .select()
    .from(outboxActions)
    .where(and(eq(outboxActions.lane, lane), inArray(outboxActions.state, ACTIVE)))
    .orderBy(desc(outboxActions.id))
    .limit(1)
    .get()
}

export function countActions(db: StoreDb): OutboxCounts {
  const rows = db.all<{ state: ActionState; n: number }>(sql`SELECT state, count(*) AS n FROM outbox_actions GROUP BY state`)
  const n = (state: ActionState) => rows.find((r) => r.state === state)?.n ?? 0
  return { queued: n('queued'), inFlight: n('in-flight'), failed: n('failed'), done: n('done'), cancelled: n('cancelled') }
}

/** After a crash: what was in flight may have reached the server, so it is looked for first. */
export function recoverInFlight(db: StoreDb, now: number): number {
  return db
    .update(outboxActions)
    .set({ state: 'queued', needsReconcile: true, nextAttemptAt: 0, updatedAt: now })
    .where(eq(outboxActions.state, 'in-flight'))
    .run().changes
}

/** Server ids already matched to finished actions of a kind, so reconciling never claims one twice. */
export function claimedIds(db: StoreDb, kind: string, since: number): Set<number> {
  const rows = db.all<{ id: number | null }>(
    sql`SELECT json_extract(result, '$.serverId') AS id FROM outbox_actions
        WHERE kind = ${kind} AND state = 'done' AND updated_at >= ${since}`,
  )
  return new Set(rows.map((r) => r.id).filter((id): id is number => typeof id === 'number'))
}

/**
 * An entity created offline now has the server's id: every unfinished action naming its
 * local id (in its payload or its lane) is rewritten to the server's.
 */
export function rewriteLocalId(db: StoreDb, entity: RefEntity, from: number, to: number, now: number): void {
  const fromLane = `${entity}:${from}`
  for (const row of listActions(db, ['queued', 'in-flight', 'failed'])) {
    const named = row.lane === fromLane || refsOf(row.payload).some((r) => r.entity === entity && r.id === from)
    if (!named) continue
    updateAction(db, row.id, { payload: rewriteRefs(row.payload, entity, from, to), lane: row.lane === fromLane ? `${entity}:${to}` : row.lane }, now)
  }
}

/** Unfinished actions that depend on an entity's local id (its lane, or a reference). */
export function dependents(db: StoreDb, entity: RefEntity, localId: number, except: number): ActionRow[] {
  const lane = `${entity}:${localId}`
  return listActions(db, ['queued', 'failed']).filter(
    (row) => row.id !== except && (row.lane === lane || refsOf(row.payload).some((r) => r.entity === entity && r.id === localId)),
  )
}

/** Finished actions older than `before` are forgotten. */
export function pruneFinished(db: StoreDb, before: number): void {
  db.delete(outboxActions)
    .where(and(inArray(outboxActions.state, ['done', 'cancelled']), lt(outboxActions.updatedAt, before)))
    .run()
}

export function hasActive(db: StoreDb): boolean {
  return db.select({ id: outboxActions.id }).from(outboxActions).where(inArray(outboxActions.state, ACTIVE)).limit(1).get() !== undefined
}

export const asError = (value: unknown): ActionError | null => (value as ActionError | null) ?? null

