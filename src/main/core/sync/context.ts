// What every sync step works with: the account's API client and store, a way to report
// progress and what changed (so views refresh), and the run's cancellation signal.
import type { ResourceName } from '../../../shared/contract/resources'
import type { SkyLightApi } from '../skylight'
import type { CallOptions, Page, Priority } from '../skylight'
import type { StoreDb } from '../store'

/**
 * Something that happened on SkyLight since the last read, which the user is told of (a
 * notification): found by comparing what a step read with what the store held. Never
 * announced for a first sync's history.
 */
export type SyncNotice =
  | { kind: 'ticket-answered'; ticketId: number; subject: string }
  | { kind: 'web-chat-waiting'; sessionId: string; visitor: string | null }
  | { kind: 'web-chat-visitor-message'; sessionId: string; visitor: string | null; preview: string }

/** What a step wrote, in the views' vocabulary (the contract's resource names). */
export type SyncResource = ResourceName

export interface SyncContext {
  api: SkyLightApi
  db: StoreDb
  signal: AbortSignal
  /**
   * The rate budget's priority of this run's requests: a poll's are 'sync', a longer run's
   * 'background', so a poll that falls due during a full pass goes first between its pages.
   */
  priority: Priority
  /** Progress of a resource in this run: items done of total (total unknown → null). */
  progress(resource: SyncResource, done: number, total: number | null): void
  /** Something the views show changed in the store. */
  changed(resource: SyncResource, contactId?: number): void
  /** A message arrived from a contact since the last run (not during a first sync). */
  inbound(contactId: number, preview: string): void
  /** Support answered, a visitor waits or wrote (dropped during a first sync). */
  notice(notice: SyncNotice): void
  now(): number
}

export const PER_PAGE = 100

/**
 * Every item of a paged list, unchecked: for reads that remove nothing (a poll of the active
 * web chat sessions, a reconcile's look). A read whole that sweeps goes through pass-check.ts.
 */
export async function readAllPages<T>(fetch: (page: number) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = []
  for (let page = 1; ; page++) {
    const result = await fetch(page)
    items.push(...result.items)
    if (page >= result.lastPage || result.items.length === 0) return items
  }
}

/** Call options for every request of a sync step: the run's priority unless told, cancellable. */
export function call(ctx: SyncContext, priority: Priority = ctx.priority): CallOptions {
  return { priority, signal: ctx.signal }
}
