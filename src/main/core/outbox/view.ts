// Actions as the UI lists them.
import type { ResourceName } from '../../../shared/contract/resources'
import type { AnyActionDef, Names } from './actions/define'
import { readPayload } from './attempt'
import { markableDone } from './manage'
import { asError, type ActionRow } from './queue-store'
import type { ActionState, OutboxAction } from './types'

export function toView(
  defs: ReadonlyMap<string, AnyActionDef>,
  row: ActionRow,
  names: Names,
  progress?: { sent: number; total: number },
): OutboxAction {
  let summary: string
  let resources: readonly ResourceName[] = []
  let editable: Record<string, string> | null = null
  try {
    const { def, payload } = readPayload(defs, row)
    summary = def.summary(payload, names)
    resources = def.resources
    // Only what has not gone through can be corrected.
    if (def.edit && def.editable && (row.state === 'queued' || row.state === 'failed')) editable = def.editable(payload)
  } catch {
    summary = `${row.kind} (cannot be read by this version)`
  }
  return {
    id: row.id,
    kind: row.kind,
    resources,
    entity: row.lane,
    state: row.state as ActionState,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt,
    lastError: asError(row.lastError),
    ...(progress && row.state === 'in-flight' ? { progress } : {}),
    createdAt: row.createdAt,
    summary,
    editable,
    markable: markableDone(defs, row),
  }
}
