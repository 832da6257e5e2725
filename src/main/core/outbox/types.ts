import type { ResourceName } from '../../../shared/contract/resources'

// What the outbox tells the rest of the app: actions as the UI lists them, and events.

export const actionStates = ['queued', 'in-flight', 'done', 'failed', 'cancelled'] as const
export type ActionState = (typeof actionStates)[number]

export interface ActionError {
  type: string
  message: string
  fields?: Record<string, string[]>
  /** Transient trouble that outlasted the retry time: retrying later may well work. */
  retryable?: boolean
}

export interface OutboxAction {
  id: number
  kind: string
  /** What the views show of it (from its kind's definition; none when it cannot be read). */
  resources: readonly ResourceName[]
  /** The lane: the entity whose actions run one at a time, e.g. 'contact:42'. */
  entity: string
  state: ActionState
  attempts: number
  nextAttemptAt: number
  lastError: ActionError | null
  progress?: { sent: number; total: number }
  createdAt: number
  /** A short description for the user, e.g. “Send “Hello” to “Noura””. */
  summary: string
  /** What the user may correct, with its current values (the message text, a file name). */
  editable: Record<string, string> | null
  /** A failed action the user may mark as done (they know it went through on SkyLight). */
  markable: boolean
}

export interface OutboxCounts {
  queued: number
  inFlight: number
  failed: number
  done: number
  cancelled: number
}

export type OutboxEvent =
  | { type: 'outbox'; counts: OutboxCounts }
  | { type: 'action'; action: OutboxAction }
  | { type: 'progress'; actionId: number; sent: number; total: number }
  | { type: 'changed'; resources: ResourceName[]; contactIds?: number[] }
  | { type: 'key-rejected' }

export interface OutboxTimings {
  /** First retry delay; doubles per attempt, with jitter. */
  retryBaseMs: number
  retryMaxMs: number
  /** How long transient failures are retried before the action waits for the user. */
  maxRetryMs: number
  /** Actions carried out at once (each in its own lane; the rate budget still applies). */
  concurrency: number
  /** How far before the first attempt a reconciled record may be dated (clock skew). */
  clockSkewMs: number
  /** Least time between two progress events of one upload. */
  progressEveryMs: number
  /** Finished actions are kept this long (they name the server ids already claimed). */
  keepFinishedMs: number
  /** How long an action whose attempt met a full disk waits before it is tried again. */
  diskFullRetryMs: number
}

export const DEFAULT_OUTBOX_TIMINGS: OutboxTimings = {
  retryBaseMs: 1_000,
  retryMaxMs: 60_000,
  maxRetryMs: 15 * 60_000,
  concurrency: 4,
  clockSkewMs: 2 * 60_000,
  progressEveryMs: 100,
  keepFinishedMs: 7 * 24 * 60 * 60_000,
  diskFullRetryMs: 30_000,
}
