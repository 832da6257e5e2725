// The shape of one kind of action (one file each under actions/): how its payload is read,
// which lane it runs in, its local phase and the undo of it, its remote phase, and how to
// tell whether an earlier attempt already took effect on the server.
import type { CallOptions, SkyLightApi, SkyLightError } from '../../skylight'
import type { StoreDb } from '../../store'
import type { RefEntity, VersionedSchema } from '../payload'

/** What the server answered, as stored on the action; `serverId` names the record it made. */
export interface RemoteResult {
  serverId?: number
  record?: unknown
}

export interface RunContext {
  api: SkyLightApi
  call: CallOptions
  /**
   * The newest id the record's list held just before this action's request went out: only a
   * newer record can be this action's. Null for an action queued before ids were noted.
   */
  afterId: number | null
  /** For those older actions only: records dated before this cannot be theirs (first attempt, less clock skew). */
  since: number
  /** Server ids of this kind already matched to other actions: never claimed twice. */
  claimed: ReadonlySet<number>
  stagingDir: string
  onProgress(sent: number, total: number): void
}

export interface ActionDef<P> {
  kind: string
  payload: VersionedSchema<P>
  lane(p: P): string
  summary(p: P): string
  /** Sending it twice has the same effect as once, so an unknown outcome needs no reconciling. */
  repeatable: boolean
  /** For the 'changed' event. */
  resources: readonly string[]
  contactIds?(p: P): number[]
  /** Local phase: the optimistic change, in the transaction that queues the action. */
  apply(db: StoreDb, p: P, options: { hold: boolean }): P
  /** Undoes apply(): on a permanent failure (with its error) or a discard. */
  rollback(db: StoreDb, p: P, error?: SkyLightError): void
  /** Clears what a permanent failure left on screen, when the user discards the action. */
  discardFailed?(db: StoreDb, p: P): void
  /** Remote phase. */
  send(ctx: RunContext, p: P): Promise<RemoteResult>
  /** The newest id of the list this action's record would join, read just before each request. */
  observe?(ctx: RunContext, p: P): Promise<number>
  /** Finds the effect of an attempt that may have reached the server (newer than `afterId`); null when absent. */
  reconcile?(ctx: RunContext, p: P): Promise<RemoteResult | null>
  /** The server did it: bring the local copy in line (and release the hold). */
  confirm(db: StoreDb, p: P, result: RemoteResult): void
  /** An entity this action creates, re-keyed from its local id once the server answers. */
  creates?: { entity: RefEntity; localId(p: P): number }
  /** Merges this (later) payload into a queued action of the same lane; null if it cannot. */
  coalesce?(queued: { kind: string; payload: unknown }, next: P): unknown | null
  /** The user's corrections to a queued or failed action. */
  edit?(p: P, changes: unknown): P
}

// Definitions are stored side by side, so the payload type is erased at the registry.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyActionDef = ActionDef<any>

export const quote = (text: string, max = 40) => `“${text.length > max ? `${text.slice(0, max - 1)}…` : text}”`
