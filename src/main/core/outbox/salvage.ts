// Rebuilding a damaged account file keeps the user's unsent actions: they are read from the
// damaged file as far as it can be read, written into the fresh one as failed actions that
// say why (so they show in the outbox at once and their staged uploads are kept), and
// queued again — their local change made anew — once the first sync has brought back the
// rows they change. Whatever may have reached SkyLight before keeps its mark, so it is
// looked for before it is sent again.
import Database from 'better-sqlite3'
import { inTransaction, outboxActions, type StoreDb } from '../store'
import { outboxLocalIds } from '../store'
import { sql } from 'drizzle-orm'
import type { AnyActionDef } from './actions/define'
import { readPayload } from './attempt'
import { getAction, updateAction } from './queue-store'
import type { ActionError } from './types'

export interface SalvagedAction {
  kind: string
  version: number
  payload: unknown
  lane: string
  state: 'queued' | 'in-flight' | 'failed'
  attempts: number
  firstAttemptAt: number | null
  needsReconcile: boolean
  lastError: ActionError | null
  createdAt: number
}

export interface Salvage {
  actions: SalvagedAction[]
  /** The last local (negative) id handed out per entity, so none is handed out twice. */
  localIds: Record<string, number>
}

const COLUMNS = `id, kind, version, payload, lane, state, attempts, first_attempt_at, needs_reconcile, last_error, created_at`
const UNSENT = new Set(['queued', 'in-flight', 'failed'])

/**
 * Reads the unsent actions of a damaged file: forwards until the damage, then backwards
 * from the end to it, so rows on either side of a bad page are kept. Never throws.
 */
export function salvageOutbox(path: string): Salvage {
  const found = new Map<number, SalvagedAction>()
  const localIds: Record<string, number> = {}
  let sqlite: Database.Database | undefined
  try {
    sqlite = new Database(path, { fileMustExist: true })
    // The table itself, by rowid (NOT INDEXED): a damaged index must not hide sound rows.
    readRows(sqlite, `SELECT ${COLUMNS} FROM outbox_actions NOT INDEXED ORDER BY id`, found)
    readRows(sqlite, `SELECT ${COLUMNS} FROM outbox_actions NOT INDEXED ORDER BY id DESC`, found)
    try {
      for (const row of sqlite.prepare('SELECT entity, last FROM outbox_local_ids').all() as { entity: string; last: number }[]) {
        if (Number.isSafeInteger(row.last)) localIds[row.entity] = row.last
      }
    } catch {
      // Recomputed from the actions below.
    }
  } catch {
    // Not even openable: nothing to keep.
  } finally {
    if (sqlite?.open) sqlite.close()
  }
  const actions = [...found.entries()].sort(([a], [b]) => a - b).map(([, action]) => action)
  return { actions, localIds }
}

function readRows(sqlite: Database.Database, query: string, into: Map<number, SalvagedAction>): void {
  try {
    for (const raw of sqlite.prepare(query).iterate() as Iterable<Record<string, unknown>>) {
      if (!UNSENT.has(raw.state as string) || into.has(raw.id as number)) continue
      const row = toAction(raw)
      if (row) into.set(raw.id as number, row)
    }
  } catch {
    // The scan met the damage; what came before it is kept.
  }
}

function toAction(raw: Record<string, unknown>): SalvagedAction | null {
  try {
    const state = raw.state as SalvagedAction['state']
    return {
      kind: String(raw.kind),
      version: Number(raw.version),
      payload: JSON.parse(String(raw.payload)),
      lane: String(raw.lane),
      state,
      attempts: Number(raw.attempts),
      firstAttemptAt: typeof raw.first_attempt_at === 'number' ? raw.first_attempt_at : null,
      // In flight or tried before: it may have reached SkyLight.
      needsReconcile: raw.needs_reconcile === 1 || state === 'in-flight' || Number(raw.attempts) > 0,
      lastError: typeof raw.last_error === 'string' ? (JSON.parse(raw.last_error) as ActionError) : null,
      createdAt: Number(raw.created_at),
    }
  } catch {
    return null
  }
}

export const WAITING_MESSAGE = 'Kept from the damaged copy of this account. It is queued again as soon as the new copy has been downloaded from SkyLight.'

/**
 * Writes the salvaged actions into the fresh store, in their order, as failed actions that
 * make no local change yet; returns the ids of those to queue again after the first sync
 * (the ones that were waiting to go; those that had failed stay failed, for the user).
 */
export function restoreSalvaged(db: StoreDb, defs: ReadonlyMap<string, AnyActionDef>, salvage: Salvage, now: number): number[] {
  return inTransaction(db, (tx) => {
    const lowest: Record<string, number> = { ...salvage.localIds }
    const lower = (entity: string, id: unknown) => {
      if (typeof id === 'number' && id < 0) lowest[entity] = Math.min(lowest[entity] ?? 0, id)
    }
    const waiting: number[] = []
    for (const action of salvage.actions) {
      try {
        const { def, payload } = readPayload(defs, action)
        if (def.creates) lower(def.creates.entity, def.creates.localId(payload))
        lower('note', (payload as { noteLocalId?: unknown }).noteLocalId)
      } catch {
        // Kept as it is; carrying it out will say what is wrong with it.
      }
      const again = action.state !== 'failed'
      // A failed action's local change was in the damaged file: none is in effect now.
      const lastError: ActionError = again ? { type: 'local-data', message: WAITING_MESSAGE } : { ...(action.lastError ?? { type: 'internal', message: 'Failed before the rebuild.' }), retryable: false }
      const id = tx
        .insert(outboxActions)
        .values({
          kind: action.kind,
          version: action.version,
          payload: action.payload,
          lane: action.lane,
          state: 'failed',
          attempts: action.attempts,
          firstAttemptAt: action.firstAttemptAt,
          needsReconcile: action.needsReconcile,
          lastError,
          createdAt: action.createdAt,
          updatedAt: now,
        })
        .returning({ id: outboxActions.id })
        .get().id
      if (again) waiting.push(id)
    }
    for (const [entity, last] of Object.entries(lowest)) {
      tx.insert(outboxLocalIds)
        .values({ entity, last })
        .onConflictDoUpdate({ target: outboxLocalIds.entity, set: { last: sql`min(${outboxLocalIds.last}, ${last})` } })
        .run()
    }
    return waiting
  })
}

/**
 * The first sync after the rebuild is done: each waiting action makes its local change
 * again and is queued, keeping its attempts and its "look before sending" mark. One whose
 * change cannot be made (its contact is gone meanwhile) stays failed with the reason.
 */
export function requeueSalvaged(db: StoreDb, defs: ReadonlyMap<string, AnyActionDef>, ids: readonly number[], now: number): void {
  for (const id of ids) {
    const row = getAction(db, id)
    // Discarded or retried by the user meanwhile.
    if (!row || row.state !== 'failed' || (row.lastError as ActionError | null)?.message !== WAITING_MESSAGE) continue
    try {
      inTransaction(db, (tx) => {
        const { def, payload } = readPayload(defs, row)
        const applied = def.apply(tx, payload, { hold: true })
        updateAction(tx, id, { state: 'queued', payload: applied, lane: def.lane(applied), lastError: null, nextAttemptAt: 0 }, now)
      })
    } catch (error) {
      const reason = (error as Error).message
      updateAction(db, id, { lastError: { type: 'local-data', message: `Kept from the damaged copy of this account, but it could not be queued again: ${reason} Retry or discard it.` } }, now)
    }
  }
}
