// The shape of one kind of action (one file each under actions/): how its payload is read,
// which lane it runs in, its local phase and the undo of it, its remote phase, and how to
// tell whether an earlier attempt already took effect on the server.
import type { ResourceName } from '../../../../shared/contract/resources'
import type { AccountSecretName } from '../../secrets/account-secrets'
import type { CallOptions, SkyLightApi, SkyLightError } from '../../skylight'
import type { StoreDb } from '../../store'
import type { EntityName } from '../../store'
import type { RefEntity, VersionedSchema } from '../payload'
import { currentLanguage } from '../../language'

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
  /** One of the account's secrets, read from the keychain when the request goes out (never from the payload). */
  secret(name: AccountSecretName): Promise<string | null>
}

export interface ActionDef<P> {
  kind: string
  payload: VersionedSchema<P>
  lane(p: P): string
  /** A short description for the user; rows are named as the local copy names them now. */
  summary(p: P, names: Names): string
  /** The fields the user may correct (outbox-edit), with their current values. */
  editable?(p: P): Record<string, string>
  /** Sending it twice has the same effect as once, so an unknown outcome needs no reconciling. */
  repeatable: boolean
  /** What the views show of it: named in the 'changed' event and on the action. */
  resources: readonly ResourceName[]
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
  /**
   * Its reconcile reads the state the action sets (a status, a flag, a unique email), which
   * no clock affects, so it needs no `observe`.
   */
  settledByState?: true
  /** Finds the effect of an attempt that may have reached the server (newer than `afterId`); null when absent. */
  reconcile?(ctx: RunContext, p: P): Promise<RemoteResult | null>
  /** The server did it: bring the local copy in line (and release the hold). */
  confirm(db: StoreDb, p: P, result: RemoteResult): void
  /** The row kind this action deletes (made by deleteRowAction), and its payload for an id. */
  deletes?: { entity: string; payload(id: number): unknown }
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

/** How a summary names a row: its name in quotes, or its kind and id when it has none here. */
export type Names = (entity: EntityName, id: number) => string

/** Quoted as the language quotes: “…” in English, «…» in Arabic. */
export const quote = (text: string, max = 40) => {
  const [open, close] = currentLanguage().language === 'ar' ? ['«', '»'] : ['“', '”']
  return `${open}${text.length > max ? `${text.slice(0, max - 1)}…` : text}${close}`
}
