// Queueing an action: its payload checked, its local change and its row written in one
// transaction — or, for consecutive edits of an entity whose last action has not gone out
// yet, merged into that action instead (one request instead of several).
import { inTransaction, type StoreDb } from '../store'
import type { ActionDef, AnyActionDef } from './actions/define'
import { readPayload } from './attempt'
import { OutboxActionError } from './manage'
import { parsePayload } from './payload'
import { insertAction, lastActiveInLane, updateAction } from './queue-store'

export function enqueue<P>(db: StoreDb, defs: ReadonlyMap<string, AnyActionDef>, def: ActionDef<P>, input: unknown, now: number) {
  let payload: P
  try {
    payload = parsePayload(def.kind, def.payload, def.payload.current, input)
  } catch (error) {
    // The user's input, not a stored action: say what is wrong with it plainly.
    throw new OutboxActionError((error as Error).message.replace(/^This queued action \([^)]*\) is damaged: /, ''))
  }
  const id = inTransaction(db, (tx) => {
    const merged = coalesce(tx, defs, def, payload, now)
    if (merged !== undefined) return merged
    const applied = def.apply(tx, payload, { hold: true })
    return insertAction(tx, { kind: def.kind, version: def.payload.current, payload: applied, lane: def.lane(applied), now })
  })
  return { id, payload }
}

function coalesce<P>(tx: StoreDb, defs: ReadonlyMap<string, AnyActionDef>, def: ActionDef<P>, payload: P, now: number): number | undefined {
  if (!def.coalesce) return undefined
  const last = lastActiveInLane(tx, def.lane(payload))
  // Only an action nothing has been sent for yet can still change what it will send.
  if (!last || last.state !== 'queued' || last.attempts > 0 || last.needsReconcile) return undefined
  let target: { def: AnyActionDef; payload: unknown }
  try {
    target = readPayload(defs, last)
  } catch {
    return undefined
  }
  const merged = def.coalesce({ kind: last.kind, payload: target.payload }, payload)
  if (merged === null) return undefined
  // The local change still shows at once; the merged action keeps the first one's hold.
  def.apply(tx, payload, { hold: false })
  const checked = parsePayload(last.kind, target.def.payload, target.def.payload.current, merged)
  updateAction(tx, last.id, { payload: checked, version: target.def.payload.current }, now)
  return last.id
}
