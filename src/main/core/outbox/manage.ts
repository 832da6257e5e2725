// What the user can do with an action that has not gone through: retry it, correct it, or
// discard it (which undoes its local change, and cancels what was waiting on it), or mark
// it done when the user knows it went through. An action whose lost answer left a matching
// record that could also be someone else's waits for the user: "mark as sent" claims that
// record, retry sends anyway.
import type { ResourceName } from '../../../shared/contract/resources'
import { inTransaction, type StoreDb } from '../store'
import { AMBIGUOUS, readEvidence, readPayload } from './attempt'
import type { AnyActionDef } from './actions/define'
import { t } from '../language'
import { asError, dependents, getAction, rewriteLocalId, updateAction, type ActionRow } from './queue-store'
import type { ActionState } from './types'

/** What the user asked of an action cannot be done: it is gone (`not-found`) or not in a state for it. */
export class OutboxActionError extends Error {
  constructor(
    message: string,
    readonly type: 'invalid-input' | 'not-found' = 'invalid-input',
  ) {
    super(message)
  }
}

type Defs = ReadonlyMap<string, AnyActionDef>

const waitsForUser = (row: ActionRow) => row.state === 'failed' && asError(row.lastError)?.type === AMBIGUOUS

/** Is the local phase in effect? Permanent failures were rolled back when they happened. */
function applied(row: ActionRow): boolean {
  return row.state === 'queued' || row.state === 'in-flight' || (row.state === 'failed' && (asError(row.lastError)?.retryable === true || waitsForUser(row)))
}

function editable(row: ActionRow | undefined, id: number, states: readonly ActionState[]): ActionRow {
  if (!row) throw new OutboxActionError(t().outbox_gone(), 'not-found')
  if (!states.includes(row.state as ActionState)) {
    throw new OutboxActionError(
      row.state === 'in-flight' ? t().outbox_being_sent() : t().outbox_cannot_change({ state: row.state as ActionState }),
    )
  }
  return row
}

export function retryAction(db: StoreDb, defs: Defs, id: number, now: number): void {
  inTransaction(db, (tx) => {
    const row = editable(getAction(tx, id), id, ['failed'])
    const { def, payload } = readPayload(defs, row)
    const again = applied(row) ? payload : def.apply(tx, payload, { hold: true })
    // The user said the record found is not this action's: send anyway, after a fresh look.
    const sendAnyway = waitsForUser(row) ? { needsReconcile: false, evidence: null } : {}
    updateAction(
      tx,
      id,
      { state: 'queued', payload: again, version: def.payload.current, attempts: 0, nextAttemptAt: 0, firstAttemptAt: null, lastError: null, ...sendAnyway },
      now,
    )
  })
}

/**
 * Whether the user may say a failed action was carried out on SkyLight after all. Not an
 * action that creates something while no record of it was found: what waits for its
 * server id would wait for ever.
 */
export function markableDone(defs: Defs, row: ActionRow): boolean {
  if (row.state !== 'failed') return false
  if (readEvidence(row.evidence)?.found && waitsForUser(row)) return true
  const def = defs.get(row.kind)
  return def !== undefined && def.creates === undefined
}

/**
 * The user says the action was carried out on SkyLight: done, and never sent. With the
 * record found on the server (an action that asked whether it is its own), that record is
 * taken as its result. Without one (a refusal, or trouble that outlasted the retries, when
 * the user knows better), the local change made for it is withdrawn: SkyLight's own copy
 * replaces it at the next sync.
 */
export function markSent(db: StoreDb, defs: Defs, id: number, now: number): { resources: readonly ResourceName[]; contactIds: number[]; stagingPath?: string } {
  return inTransaction(db, (tx) => {
    const row = getAction(tx, id)
    if (!row) throw new OutboxActionError(t().outbox_gone(), 'not-found')
    if (row.state !== 'failed') {
      throw new OutboxActionError(
        row.state === 'done' ? t().outbox_already_done() : t().outbox_mark_done_sending(),
      )
    }
    const { def, payload } = readPayload(defs, row)
    const found = waitsForUser(row) ? readEvidence(row.evidence)?.found : undefined
    const stagingPath = (payload as { stagingPath?: string }).stagingPath
    const base = { resources: def.resources, ...(stagingPath ? { stagingPath } : {}) }
    if (found) {
      def.confirm(tx, payload, found)
      if (def.creates && found.serverId !== undefined) rewriteLocalId(tx, def.creates.entity, def.creates.localId(payload), found.serverId, now)
      updateAction(tx, id, { state: 'done', result: found, lastError: null, needsReconcile: false, evidence: null }, now)
      const created = def.creates?.entity === 'contact' && found.serverId ? [found.serverId] : []
      return { ...base, contactIds: [...(def.contactIds?.(payload) ?? []), ...created] }
    }
    if (!markableDone(defs, row)) {
      throw new OutboxActionError(t().outbox_mark_done_not_found())
    }
    if (applied(row)) def.rollback(tx, payload)
    else def.discardFailed?.(tx, payload)
    updateAction(tx, id, { state: 'done', result: null, lastError: null, needsReconcile: false, evidence: null }, now)
    return { ...base, contactIds: def.contactIds?.(payload) ?? [] }
  })
}

export function editAction(db: StoreDb, defs: Defs, id: number, changes: unknown, now: number): void {
  inTransaction(db, (tx) => {
    const row = editable(getAction(tx, id), id, ['queued', 'failed'])
    const { def, payload } = readPayload(defs, row)
    if (!def.edit) throw new OutboxActionError(`A “${row.kind}” action cannot be edited; discard it and do it again.`)
    let edited: unknown
    try {
      edited = def.edit(payload, changes)
    } catch (error) {
      const issue = (error as { issues?: { message: string }[] }).issues?.[0]?.message
      throw new OutboxActionError(issue ?? (error as Error).message)
    }
    if (applied(row)) def.rollback(tx, payload)
    const next = def.apply(tx, edited, { hold: true })
    updateAction(tx, id, { state: 'queued', payload: next, version: def.payload.current, attempts: 0, nextAttemptAt: 0, firstAttemptAt: null, lastError: null }, now)
  })
}

/** Returns the ids of every action cancelled (the one asked for, and those that needed it). */
export function discardAction(db: StoreDb, defs: Defs, id: number, now: number): { cancelled: number[]; stagingPaths: string[] } {
  return inTransaction(db, (tx) => {
    const first = editable(getAction(tx, id), id, ['queued', 'failed'])
    const cancelled: number[] = []
    const stagingPaths: string[] = []
    const pending = [first]
    while (pending.length > 0) {
      const row = pending.shift()!
      if (cancelled.includes(row.id)) continue
      try {
        const { def, payload } = readPayload(defs, row)
        if (applied(row)) def.rollback(tx, payload)
        else def.discardFailed?.(tx, payload)
        const path = (payload as { stagingPath?: string }).stagingPath
        if (path) stagingPaths.push(path)
        // Whatever waits for an entity that will now never be created goes with it.
        if (def.creates) pending.push(...dependents(tx, def.creates.entity, def.creates.localId(payload), row.id))
      } catch {
        // An action this version cannot read has no local change it knows how to undo.
      }
      updateAction(tx, row.id, { state: 'cancelled', needsReconcile: false }, now)
      cancelled.push(row.id)
    }
    return { cancelled, stagingPaths }
  })
}
