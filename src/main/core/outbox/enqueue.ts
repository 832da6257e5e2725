// Queueing an action: its payload checked, its local change and its row written in one
// transaction — or, for consecutive edits of an entity whose last action has not gone out
// yet, merged into that action instead (one request instead of several). An action naming
// a local (negative) id is accepted only while the entity is being created here: anything
// else would wait forever for an id that never comes.
import { inTransaction, type StoreDb } from '../store'
import type { ActionDef, AnyActionDef } from './actions/define'
import { readPayload } from './attempt'
import { OutboxActionError } from './manage'
import { parsePayload, refsOf, rewriteRefs, type RefEntity } from './payload'
import { insertAction, lastActiveInLane, listActions, updateAction, type ActionRow } from './queue-store'
import { nounFor } from './nouns'
import { t } from '../language'

export function enqueue<P>(db: StoreDb, defs: ReadonlyMap<string, AnyActionDef>, def: ActionDef<P>, input: unknown, now: number) {
  let payload: P
  try {
    payload = parsePayload(def.kind, def.payload, def.payload.current, input)
  } catch (error) {
    // The user's input, not a stored action: say what is wrong with it plainly.
    throw new OutboxActionError((error as Error).message.replace(/^This queued action \([^)]*\) is damaged: /, ''))
  }
  const id = inTransaction(db, (tx) => {
    payload = resolveLocalIds(tx, defs, payload)
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

/**
 * Each local id the payload names must be an entity whose creation is still queued (or
 * failed, awaiting retry or discard); one created meanwhile is named by its server id
 * instead. Any other local id fails here, at once, with a message.
 */
function resolveLocalIds<P>(tx: StoreDb, defs: ReadonlyMap<string, AnyActionDef>, payload: P): P {
  const local = refsOf(payload).filter((ref) => ref.id < 0)
  if (local.length === 0) return payload
  const creators = listActions(tx, ['queued', 'in-flight', 'failed', 'done']).flatMap((row) => creation(defs, row))
  let resolved: unknown = payload
  for (const ref of local) {
    const creator = creators.find((c) => c.entity === ref.entity && c.localId === ref.id)
    if (creator && creator.state !== 'done') continue
    if (creator?.serverId !== undefined) {
      resolved = rewriteRefs(resolved, ref.entity, ref.id, creator.serverId)
      continue
    }
    throw new OutboxActionError(
      t().outbox_never_created({ noun: nounFor(ref.entity), id: ref.id }),
    )
  }
  return resolved as P
}

function creation(defs: ReadonlyMap<string, AnyActionDef>, row: ActionRow): { entity: RefEntity; localId: number; state: string; serverId?: number }[] {
  const def = defs.get(row.kind)
  if (!def?.creates) return []
  try {
    const localId = def.creates.localId(readPayload(defs, row).payload)
    const serverId = (row.result as { serverId?: unknown } | null)?.serverId
    return [{ entity: def.creates.entity, localId, state: row.state, ...(typeof serverId === 'number' ? { serverId } : {}) }]
  } catch {
    return []
  }
}
