// The outbox's records as the contract shows them to the renderer: opaque string ids,
// ISO times, and only the counts the UI shows.
import type { OutboxAction as ActionView, OutboxCounts as CountsView } from '../../shared/contract/outbox'
import type { OutboxAction, OutboxCounts } from './outbox'
import { t } from './language'

export function actionView(action: OutboxAction): ActionView {
  return {
    id: String(action.id),
    kind: action.kind,
    resources: [...action.resources],
    summary: action.summary,
    editable: action.editable,
    markable: action.markable,
    state: action.state,
    attempts: action.attempts,
    nextAttemptAt: action.state === 'queued' && action.nextAttemptAt > 0 ? new Date(action.nextAttemptAt).toISOString() : null,
    lastError: action.lastError
      ? { type: action.lastError.type, message: action.lastError.message, ...(action.lastError.fields ? { fields: action.lastError.fields } : {}) }
      : null,
    progress: action.progress ?? null,
    createdAt: new Date(action.createdAt).toISOString(),
  }
}

export function outboxCounts(counts: OutboxCounts): CountsView {
  return { queued: counts.queued, inFlight: counts.inFlight, failed: counts.failed }
}

/** The contract's action id back to the outbox's. */
export function actionId(id: string): number {
  const value = Number(id)
  if (!Number.isSafeInteger(value)) throw Object.assign(new Error(t().outbox_gone()), { type: 'not-found' })
  return value
}
