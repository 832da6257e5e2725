// The messages between SyncThread (the core's thread) and an account's sync thread
// (thread.ts). Everything crosses by structured clone: no functions, no class instances.
import type { Priority } from '../../skylight'
import type { PortableClientOptions } from '../../skylight/client'
import type { SyncEvent, SyncTimings } from '../account-sync'
import type { SyncKind } from '../plans'
import type { Digits, Language } from '../../../../shared/i18n/locale'

export interface SyncThreadData {
  /** The account's database file, already created and migrated by the core's connection. */
  path: string
  client: PortableClientOptions
  /** The shared budget's figures (the thread asks the core for each slot). */
  limit: number
  windowMs: number
  timings: Partial<SyncTimings>
  /** The core's language, for what the thread says to the user (errors in the sync status). */
  language: { language: Language; digits: Digits }
}

/** The rate budget across the boundary: the thread asks, the core's budget grants. */
export type BudgetRequest =
  | { type: 'acquire'; id: number; priority: Priority }
  /** The request behind `id` was cancelled: stop waiting, or give back the slot granted. */
  | { type: 'cancel'; id: number }
  | { type: 'release'; id: number }
  | { type: 'observe'; remaining: number | undefined; resetAt: number | undefined }
  | { type: 'pause'; ms: number }
export type BudgetReply = { type: 'grant'; id: number }

export type ToThread =
  | { type: 'start' }
  | { type: 'sync'; id: number; kind: SyncKind }
  | { type: 'contact'; id: number; contactId: number }
  | { type: 'resume' }
  | { type: 'timings'; timings: Partial<SyncTimings> }
  | { type: 'language'; language: Language; digits: Digits }
  | { type: 'stop' }
  | BudgetReply

export type FromThread =
  /** The thread has opened the store and takes commands. */
  | { type: 'ready' }
  | { type: 'event'; event: SyncEvent }
  /** The `sync` or `contact` request `id` has finished (its outcome is in the status). */
  | { type: 'done'; id: number }
  | BudgetRequest
