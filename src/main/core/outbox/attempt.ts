// One attempt at one action: mark it in flight (committed before any request, so a crash
// leaves evidence), look for the effect of an earlier attempt that may have reached the
// server, send if there is none, and record the outcome with its local consequence in one
// transaction.
import type { ResourceName } from '../../../shared/contract/resources'
import type { SkyLightApi, SkyLightError } from '../skylight'
import { backoffDelay } from '../skylight/retry-policy'
import { inTransaction, type StoreDb } from '../store'
import type { AnyActionDef, RemoteResult, RunContext } from './actions/define'
import { classify, describe } from './classify'
import { parsePayload, PayloadError } from './payload'
import { claimedIds, rewriteLocalId, updateAction, type ActionRow } from './queue-store'
import { unstage } from './staging'
import type { OutboxTimings } from './types'

export interface AttemptDeps {
  api: SkyLightApi
  db: StoreDb
  defs: ReadonlyMap<string, AnyActionDef>
  timings: OutboxTimings
  stagingDir: string
  now: () => number
  random: () => number
  signal: AbortSignal
  onProgress(actionId: number, sent: number, total: number): void
  /** The action's row changed; `changed` names the local data that changed with it. */
  /** What went wrong that the user cannot act on, for the (redacting) log. */
  onError(error: unknown): void
  onUpdate(actionId: number, changed?: { resources: readonly ResourceName[]; contactIds: number[] }): void
}

export type AttemptOutcome = 'done' | 'retry' | 'failed' | 'key-rejected' | 'stopped'

/** Reads an action's payload with its kind's schema for the stored version. */
export function readPayload(defs: ReadonlyMap<string, AnyActionDef>, row: Pick<ActionRow, 'kind' | 'version' | 'payload'>) {
  const def = defs.get(row.kind)
  if (!def) {
    throw new PayloadError(`This queued action (${row.kind}) comes from a newer version of SkyLight Desk. Update SkyLight Desk to carry it out, or discard it.`)
  }
  return { def, payload: parsePayload(row.kind, def.payload, row.version, row.payload) as unknown }
}

export async function attempt(deps: AttemptDeps, row: ActionRow): Promise<AttemptOutcome> {
  const { db, timings } = deps
  let def: AnyActionDef
  let p: unknown
  try {
    ;({ def, payload: p } = readPayload(deps.defs, row))
  } catch (error) {
    // A poison payload stops here and only here; other actions go on.
    updateAction(db, row.id, { state: 'failed', lastError: describe(error) }, deps.now())
    deps.onUpdate(row.id)
    return 'failed'
  }

  const firstAttemptAt = row.firstAttemptAt ?? deps.now()
  updateAction(db, row.id, { state: 'in-flight', attempts: row.attempts + 1, firstAttemptAt }, deps.now())
  deps.onUpdate(row.id)

  const since = firstAttemptAt - timings.clockSkewMs
  const ctx: RunContext = {
    api: deps.api,
    call: { priority: 'user', signal: deps.signal },
    since,
    claimed: claimedIds(db, row.kind, since - timings.keepFinishedMs),
    stagingDir: deps.stagingDir,
    onProgress: (sent, total) => deps.onProgress(row.id, sent, total),
  }
  // Only a request that is not safe to repeat needs looking for.
  let mayHaveActed = row.needsReconcile && !def.repeatable
  let sending = false
  try {
    let result: RemoteResult | null = null
    if (mayHaveActed && def.reconcile) {
      result = await def.reconcile(ctx, p)
      if (!result) mayHaveActed = false
    }
    if (!result) {
      sending = true
      result = await def.send(ctx, p)
    }
    const done = result
    inTransaction(db, (tx) => {
      def.confirm(tx, p, done)
      if (def.creates && done.serverId !== undefined) rewriteLocalId(tx, def.creates.entity, def.creates.localId(p), done.serverId, deps.now())
      updateAction(tx, row.id, { state: 'done', result: done, lastError: null, needsReconcile: false }, deps.now())
    })
    await unstage((p as { stagingPath?: string }).stagingPath)
    const contactIds = [...(def.contactIds?.(p) ?? []), ...(def.creates?.entity === 'contact' && done.serverId ? [done.serverId] : [])]
    deps.onUpdate(row.id, { resources: def.resources, contactIds })
    return 'done'
  } catch (error) {
    return settleFailure(deps, row, def, p, error, { mayHaveActed, sending, firstAttemptAt })
  }
}

function settleFailure(
  deps: AttemptDeps,
  row: ActionRow,
  def: AnyActionDef,
  p: unknown,
  error: unknown,
  at: { mayHaveActed: boolean; sending: boolean; firstAttemptAt: number },
): AttemptOutcome {
  const { db, timings } = deps
  const now = deps.now()
  const verdict = classify(error)
  const unsafe = !def.repeatable
  switch (verdict.kind) {
    case 'stopped':
      // Stopped mid-request: it may or may not have gone out.
      updateAction(db, row.id, { state: 'queued', attempts: row.attempts, needsReconcile: unsafe && (at.mayHaveActed || at.sending) }, now)
      deps.onUpdate(row.id)
      return 'stopped'
    case 'key-rejected':
      // Refused unseen; the attempt does not count against the action.
      updateAction(db, row.id, { state: 'queued', attempts: row.attempts, needsReconcile: unsafe && at.mayHaveActed, lastError: describe(error) }, now)
      deps.onUpdate(row.id)
      return 'key-rejected'
    case 'retry': {
      const needsReconcile = unsafe && (at.mayHaveActed || (at.sending && verdict.mayHaveActed))
      const delay = verdict.afterMs ?? backoffDelay(row.attempts, { baseMs: timings.retryBaseMs, maxMs: timings.retryMaxMs, random: deps.random })
      const outOfTime = now + delay - at.firstAttemptAt > timings.maxRetryMs
      updateAction(
        db,
        row.id,
        { state: outOfTime ? 'failed' : 'queued', nextAttemptAt: now + delay, needsReconcile, lastError: describe(error, true) },
        now,
      )
      deps.onUpdate(row.id)
      return outOfTime ? 'failed' : 'retry'
    }
    case 'permanent': {
      // The server said no: undo the local change so the user sees what SkyLight holds, and
      // keep its reason on the action to edit, retry or discard.
      let rollbackError: unknown
      inTransaction(db, (tx) => {
        try {
          def.rollback(tx, p, error as SkyLightError)
        } catch (caught) {
          rollbackError = caught
        }
        updateAction(tx, row.id, { state: 'failed', needsReconcile: false, lastError: describe(error) }, now)
      })
      if (rollbackError) deps.onError(new Error(`Rolling back outbox action ${row.id} (${row.kind}) failed`, { cause: rollbackError }))
      deps.onUpdate(row.id, { resources: def.resources, contactIds: def.contactIds?.(p) ?? [] })
      return 'failed'
    }
  }
}
