// One attempt at one action: mark it in flight (committed before any request, so a crash
// leaves evidence), look for the effect of an earlier attempt that may have reached the
// server, send if there is none, and record the outcome with its local consequence in one
// transaction. Before a request that is not safe to repeat goes out, the newest id of the
// list its record would join is committed; when the request fails in a way that may have
// acted, the record is looked for at once (a match this close is this action's, none means
// it did not act — unless this side only stopped waiting, and SkyLight may act later). A
// match found later, when nobody could look in between, may be a colleague's identical
// record: the action then waits for the user instead of guessing.
// A full disk anywhere in an attempt keeps the action queued (never failed, never lost),
// with what it learnt — that it acted, and its record — kept for the next attempt.
import type { ResourceName } from '../../../shared/contract/resources'
import type { AccountSecretName } from '../secrets/account-secrets'
import type { SkyLightApi, SkyLightError } from '../skylight'
import { backoffDelay } from '../skylight/retry-policy'
import { DiskFullError, isDiskFull } from '../disk-full'
import { inTransaction, type StoreDb } from '../store'
import type { AnyActionDef, RemoteResult, RunContext } from './actions/define'
import { classify, describe } from './classify'
import { parsePayload, PayloadError } from './payload'
import { claimedIds, rewriteLocalId, updateAction, type ActionRow } from './queue-store'
import { unstage } from './staging'
import type { ActionError, OutboxTimings } from './types'
import { t } from '../language'

export interface AttemptDeps {
  api: SkyLightApi
  db: StoreDb
  defs: ReadonlyMap<string, AnyActionDef>
  timings: OutboxTimings
  stagingDir: string
  secret(name: AccountSecretName): Promise<string | null>
  now: () => number
  random: () => number
  signal: AbortSignal
  onProgress(actionId: number, sent: number, total: number): void
  /** The action's row changed; `changed` names the local data that changed with it. */
  /** What went wrong that the user cannot act on, for the (redacting) log. */
  onError(error: unknown): void
  onUpdate(actionId: number, changed?: { resources: readonly ResourceName[]; contactIds: number[] }): void
  /**
   * An attempt met a full disk: kept in memory until the next attempt — SkyLight's answer
   * if it had one (that attempt records it), and for the views, that the action waits.
   */
  remember(actionId: number, result: RemoteResult | null): void
  /** The next attempt starts: what was remembered of the action, forgotten. */
  recall(actionId: number): RemoteResult | undefined
}

/** `disk-full`: the action stays queued; its row may still carry its in-flight mark if even that could not be written. */
export type AttemptOutcome = 'done' | 'retry' | 'failed' | 'key-rejected' | 'stopped' | 'disk-full'

/** How far an attempt got, for a full disk to keep what it learnt. */
interface Progress {
  sending: boolean
  mayHaveActed: boolean
  result: RemoteResult | null
  afterId: number | null
}

/** Reads an action's payload with its kind's schema for the stored version. */
export function readPayload(defs: ReadonlyMap<string, AnyActionDef>, row: Pick<ActionRow, 'kind' | 'version' | 'payload'>) {
  const def = defs.get(row.kind)
  if (!def) {
    throw new PayloadError(t().error_newer_action({ kind: row.kind }))
  }
  return { def, payload: parsePayload(row.kind, def.payload, row.version, row.payload) as unknown }
}

/**
 * What the server showed just before an action's request went out. `open` until someone
 * looked for the request's effect right after it failed: a match found while it is open may
 * be this action's record or a colleague's identical one, and only the user can tell.
 */
export interface ReconcileEvidence {
  afterId: number
  open: boolean
  /** A match found while open, waiting for the user ("mark as sent" claims it). */
  found?: RemoteResult
}

export function readEvidence(value: unknown): ReconcileEvidence | null {
  const e = value as Partial<ReconcileEvidence> | null | undefined
  return e && typeof e.afterId === 'number' ? { afterId: e.afterId, open: e.open === true, ...(e.found ? { found: e.found } : {}) } : null
}

export async function attempt(deps: AttemptDeps, row: ActionRow): Promise<AttemptOutcome> {
  const progress: Progress = { sending: false, mayHaveActed: false, result: null, afterId: null }
  try {
    return await attemptOnce(deps, row, progress)
  } catch (error) {
    if (isDiskFull(error)) return keepForLater(deps, row, progress)
    throw error
  }
}

async function attemptOnce(deps: AttemptDeps, row: ActionRow, progress: Progress): Promise<AttemptOutcome> {
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

  const evidence = readEvidence(row.evidence)
  const since = firstAttemptAt - timings.clockSkewMs
  const ctx: RunContext = {
    api: deps.api,
    call: { priority: 'user', signal: deps.signal },
    afterId: evidence?.afterId ?? null,
    since,
    claimed: claimedIds(db, row.kind, since - timings.keepFinishedMs),
    stagingDir: deps.stagingDir,
    secret: (name) => deps.secret(name),
    onProgress: (sent, total) => deps.onProgress(row.id, sent, total),
  }
  // Only a request that is not safe to repeat needs looking for.
  let mayHaveActed = row.needsReconcile && !def.repeatable
  progress.mayHaveActed = mayHaveActed
  const noted = !def.repeatable && def.observe !== undefined && def.reconcile !== undefined
  let sending = false
  // An earlier attempt's answer that a full disk kept from being recorded.
  const known = deps.recall(row.id)
  if (known) {
    progress.result = known
    return await finish(deps, row, def, p, known)
  }
  try {
    let result: RemoteResult | null = null
    if (mayHaveActed && def.reconcile) {
      result = await def.reconcile(ctx, p)
      // Nobody looked right after the request: the match may be someone else's.
      if (result && evidence?.open) return askUser(deps, row, { ...evidence, found: result })
      if (!result) mayHaveActed = false
    }
    if (!result) {
      if (noted) {
        // Noted and committed before the request goes out, so a crash leaves it too.
        ctx.afterId = await def.observe!(ctx, p)
        updateAction(db, row.id, { evidence: { afterId: ctx.afterId, open: true } satisfies ReconcileEvidence }, deps.now())
        progress.afterId = ctx.afterId
      }
      sending = true
      progress.sending = true
      result = await def.send(ctx, p)
    }
    progress.result = result
    return await finish(deps, row, def, p, result)
  } catch (error) {
    if (isDiskFull(error)) throw error
    const verdict = classify(error)
    if (sending && noted && verdict.kind === 'retry' && verdict.mayHaveActed) {
      // Look at once: a match this close to the request is this action's; none means the
      // request did not act, and the next attempt notes a fresh id before it sends.
      let found: RemoteResult | null | undefined
      try {
        found = await def.reconcile!(ctx, p)
      } catch {
        found = undefined
      }
      if (found) {
        progress.result = found
        return finish(deps, row, def, p, found)
      }
      // After a timeout SkyLight may act after this look: the evidence stays open, so a
      // match found later is put to the user rather than sent again.
      if (found === null && !verdict.stillActing) {
        updateAction(db, row.id, { evidence: { afterId: ctx.afterId!, open: false } satisfies ReconcileEvidence }, deps.now())
        return settleFailure(deps, row, def, p, error, { mayHaveActed: false, sending: false, firstAttemptAt })
      }
    }
    return settleFailure(deps, row, def, p, error, { mayHaveActed, sending, firstAttemptAt })
  }
}

/**
 * The disk is full: the action goes back to the queue to be tried later, marked to be looked
 * for first if its request may have gone out. What SkyLight answered is kept in memory for
 * the next attempt. If even that cannot be written, the row keeps its in-flight mark (the
 * runner tries it again later; a restart reconciles it).
 */
function keepForLater(deps: AttemptDeps, row: ActionRow, progress: Progress): AttemptOutcome {
  const def = deps.defs.get(row.kind)
  const unsafe = !def?.repeatable
  deps.remember(row.id, progress.result)
  const lastError = diskFullError()
  const now = deps.now()
  try {
    updateAction(
      deps.db,
      row.id,
      {
        state: 'queued',
        nextAttemptAt: now + deps.timings.diskFullRetryMs,
        needsReconcile: unsafe && (progress.mayHaveActed || progress.sending || progress.result !== null),
        lastError,
        // It is known to have acted: a record found later is this action's, not a colleague's.
        ...(progress.result && progress.afterId !== null ? { evidence: { afterId: progress.afterId, open: false } satisfies ReconcileEvidence } : {}),
      },
      now,
    )
  } catch (error) {
    if (!isDiskFull(error)) throw error
  }
  deps.onUpdate(row.id)
  return 'disk-full'
}

/** What an action that met a full disk shows, recorded or not. */
export function diskFullError(): ActionError {
  return { type: 'disk-full', message: new DiskFullError('what happened to this action').message.replace('and try again.', 'and it will be tried again.'), retryable: true }
}

/** The server did it: the outcome and its local consequence in one transaction. */
async function finish(deps: AttemptDeps, row: ActionRow, def: AnyActionDef, p: unknown, done: RemoteResult): Promise<AttemptOutcome> {
  inTransaction(deps.db, (tx) => {
    def.confirm(tx, p, done)
    if (def.creates && done.serverId !== undefined) rewriteLocalId(tx, def.creates.entity, def.creates.localId(p), done.serverId, deps.now())
    updateAction(tx, row.id, { state: 'done', result: done, lastError: null, needsReconcile: false, evidence: null }, deps.now())
  })
  await unstage((p as { stagingPath?: string }).stagingPath)
  const contactIds = [...(def.contactIds?.(p) ?? []), ...(def.creates?.entity === 'contact' && done.serverId ? [done.serverId] : [])]
  deps.onUpdate(row.id, { resources: def.resources, contactIds })
  return 'done'
}

/**
 * A matching record appeared on the server, but nothing shows it is this action's rather
 * than an identical one made by someone else: the action waits for the user, its local
 * change kept, with "mark as sent" (claims the record) or retry (sends anyway).
 */
function askUser(deps: AttemptDeps, row: ActionRow, evidence: ReconcileEvidence): AttemptOutcome {
  const lastError: ActionError = {
    type: AMBIGUOUS,
    message: t().error_ambiguous_match(),
  }
  updateAction(deps.db, row.id, { state: 'failed', needsReconcile: true, evidence, lastError }, deps.now())
  deps.onUpdate(row.id)
  return 'failed'
}

/** The error type of an action waiting for the user to say whether a found record is its own. */
export const AMBIGUOUS = 'needs-decision'

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
