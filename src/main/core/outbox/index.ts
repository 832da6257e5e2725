// The outbox: durable, exactly-once delivery of the user's outgoing actions.
export { Outbox, type OutboxOptions } from './outbox'
export { OutboxActionError } from './manage'
export { actionDefs } from './actions'
export { DEFAULT_OUTBOX_TIMINGS, actionStates } from './types'
export type { ActionError, ActionState, OutboxAction, OutboxCounts, OutboxEvent, OutboxTimings } from './types'
