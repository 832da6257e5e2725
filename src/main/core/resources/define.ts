// A SkyLight resource in one place: what the views call it, how sync reads it, and what the
// user can do to it offline. Generic code reads these descriptors (registry.ts) instead of
// keeping its own lists: the outbox's action kinds, the phases of a full sync, which queued
// deletes hide rows from sync, and the conformance suite (test/conformance) all come from
// here. What is truly particular stays hand-written and is referenced: wire schemas and the
// API client (skylight/resources), tables and queries (store/), sync steps (sync/steps),
// one file per action kind (outbox/actions) and the views.
import type { ResourceName } from '../../../shared/contract/resources'
import type { AnyActionDef } from '../outbox/actions/define'
import type { SyncContext } from '../sync/context'

/** How sync reads a resource (RESOURCES.md, "The 16 resources fall into a few patterns"). */
export type ResourcePattern =
  /** Small and unpaginated: re-read whole every refresh. */
  | 'whole'
  /** Newest-first pages until known rows; a full pass finds deletions. */
  | 'newest-first'
  /** Children of another resource, re-read when the parent's marker changes. */
  | 'children'
  /** One record per account, re-read on refresh. */
  | 'singleton'

export type SyncStep = (ctx: SyncContext) => Promise<void>

export interface ResourceDescriptor {
  name: ResourceName
  pattern: ResourcePattern
  /** The API endpoints it covers, as changelog.txt writes them ('GET /media/{id}'). */
  endpoints: readonly string[]
  /** Its phase of a first sync and of a full pass (read whole, deletions swept). */
  fullPass: SyncStep
  /**
   * When that phase runs: phases of one step run side by side (sharing the rate budget),
   * steps one after another, lowest first. Left out, the phase runs alone after the others.
   */
  fullPassStep?: number
  /**
   * What a refresh (at start, on wake, every few minutes) re-reads of it; the inbox itself
   * is the poll's. 'half-hourly': only when its last read is half an hour old or the user
   * asked to sync now — for what changes seldom, so an idle refresh stays within ten
   * requests however many resources there are. Left out: a refresh does not read it.
   */
  refresh?: { step: SyncStep; cadence: 'every-refresh' | 'half-hourly' }
  /**
   * Every kind of action the user can queue on it. A delete is made with deleteRowAction
   * (outbox/actions/delete-row.ts): while it waits, sync does not bring the row back.
   */
  actions: readonly AnyActionDef[]
}

/** Identity, checked by the type: a descriptor file reads as what it is. */
export function defineResource(descriptor: ResourceDescriptor): ResourceDescriptor {
  return descriptor
}
