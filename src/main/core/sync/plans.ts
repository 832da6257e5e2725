// What each kind of sync run does, in order (DESIGN.md, "Data flow").
//   first   — everything, what the user sees first (recent conversations) first; resumable.
//             It is the account's first full pass, and counts as one.
//   poll    — the cheap, frequent check: new conversations/messages, new media (idle: 2 requests),
//             and the active web chat sessions while there are any (one more).
//   refresh — poll plus the small collections re-read whole and recent message statuses.
//   full    — every list read whole with deletions swept.
// A poll also runs beside a longer run (pollBeside), so new messages never wait for one.
import type { ResourceName } from '../../../shared/contract/resources'
import type { ResourceDescriptor, SyncStep } from '../resources/define'
import { resources } from '../resources/registry'
import { contactsWithUnsettledMessages, getSyncState, saveSyncState, webChatSessionsLive, type StoreDb } from '../store'
import type { SyncContext } from './context'
import { inParallel } from './in-parallel'
import { IncompletePassError, SweepRefusals } from './pass-check'
import { syncConversationList } from './steps/conversations'
import { syncNewMedia } from './steps/media'
import { refreshRecentStatuses, syncDueMessages, syncMessagesFor } from './steps/messages'
import { syncWebChat } from './steps/web-chat'

export type SyncKind = 'first' | 'poll' | 'refresh' | 'full'

const FIRST_SYNC = 'first-sync'
const FULL_SYNC = 'full-sync'
type Phase = ResourceName

// A full pass is every registered resource's phase (resources/registry.ts). Phases of one
// step run side by side: contacts go beside the messages, so the contact list fills with the
// inbox instead of after every conversation's history (18 minutes at the real limit for a
// 2k-conversation account).
const fullPhases = new Map<Phase, (ctx: SyncContext) => Promise<void>>(resources.map((r) => [r.name, r.fullPass]))
const STEPS: readonly (readonly Phase[])[] = stepsOf(resources)

function stepsOf(all: readonly ResourceDescriptor[]): Phase[][] {
  const byStep = new Map<number, Phase[]>()
  all.forEach((r, index) => {
    const step = r.fullPassStep ?? 1_000 + index
    byStep.set(step, [...(byStep.get(step) ?? []), r.name])
  })
  return [...byStep].sort(([a], [b]) => a - b).map(([, phases]) => phases)
}

export function firstSyncDone(ctx: Pick<SyncContext, 'db'>): boolean {
  return getSyncState(ctx.db, FIRST_SYNC)?.lastFullPassAt != null
}

/** When the last full pass ended (the first sync is one), in ms; 0 when none has. */
export function lastFullPassAt(db: StoreDb): number {
  const at = (state: string) => Date.parse(getSyncState(db, state)?.lastFullPassAt ?? '') || 0
  return Math.max(at(FIRST_SYNC), at(FULL_SYNC))
}

/**
 * Whether a poll can run beside the run in progress: once the conversation list has been
 * read whole, a poll reads only its first page or two.
 */
export function canPollBeside(db: StoreDb): boolean {
  const first = getSyncState(db, FIRST_SYNC)
  return first?.lastFullPassAt != null || ((first?.cursor as Phase[] | null | undefined) ?? []).includes('conversations')
}

/** Every phase once; phases already done (before a crash or quit) are not repeated. */
async function runPhases(ctx: SyncContext, state: string): Promise<void> {
  const done = new Set((getSyncState(ctx.db, state)?.cursor as Phase[] | null | undefined) ?? [])
  for (const step of STEPS) {
    const phases = step.filter((phase) => !done.has(phase))
    // Each phase records itself when done; one failing lets the other finish first.
    await inParallel(phases, phases.length, async (phase) => {
      await fullPhases.get(phase)!(ctx)
      done.add(phase)
      saveSyncState(ctx.db, state, { cursor: [...done] })
    })
  }
  saveSyncState(ctx.db, state, { cursor: null, lastFullPassAt: new Date(ctx.now()).toISOString() })
}

async function poll(ctx: SyncContext, media: 'always' | 'when-quiet'): Promise<void> {
  const { pages } = await syncConversationList(ctx, 'incremental')
  await syncDueMessages(ctx)
  // Visitors on the website wait in seconds, not minutes: live sessions move on every poll,
  // and meanwhile new media wait for a refresh. After a burst of new conversations the
  // media check waits for the next quiet poll too. So a poll never costs more than k + 2
  // requests for k new messages.
  const live = webChatSessionsLive(ctx.db)
  if (media === 'always' || (pages <= 1 && !live)) await syncNewMedia(ctx)
  if (live) await syncWebChat(ctx, 'active')
}

/** Conversations read at once by a poll beside a longer run. */
const CONVERSATIONS_AT_ONCE = 4

/**
 * A poll while a longer run is in progress: the conversations the list shows as moved, and
 * nothing else. Every other due conversation is the longer run's (a first sync's due list
 * is the whole account); media and the rest wait for it too.
 */
export async function pollBeside(ctx: SyncContext): Promise<void> {
  const { newer } = await syncConversationList(ctx, 'incremental')
  await inParallel(newer, CONVERSATIONS_AT_ONCE, ({ contactId, lastMessageAtMs }) =>
    syncMessagesFor(ctx, contactId, lastMessageAtMs),
  )
}

const DAY_MS = 24 * 60 * 60 * 1000
const STATUS_CHECKS = 'status-checks'
/** After a look that found a conversation's sent messages where they were, the next waits this long, then twice as long… */
const FIRST_STATUS_PAUSE_MS = 10 * 60_000

interface StatusCheck {
  at: number
  pauseMs: number
}

/**
 * Re-reads the newest page of conversations whose recent sent messages may still move on
 * (delivered, read). Nothing says when they do, so a conversation whose statuses stood
 * still is looked at again after a pause that doubles each time (up to a day), and one
 * whose statuses moved at the next refresh: refreshes with nothing new stay cheap.
 */
async function refreshStatuses(ctx: SyncContext): Promise<void> {
  const now = ctx.now()
  const before = (getSyncState(ctx.db, STATUS_CHECKS)?.cursor ?? {}) as Record<string, StatusCheck>
  const checks: Record<string, StatusCheck> = {}
  for (const contactId of contactsWithUnsettledMessages(ctx.db, now - DAY_MS, 10)) {
    const last = before[contactId]
    if (last && now < last.at + last.pauseMs) {
      checks[contactId] = last
      continue
    }
    let moved = false
    const watching: SyncContext = {
      ...ctx,
      changed: (resource, id) => {
        moved = true
        ctx.changed(resource, id)
      },
    }
    await refreshRecentStatuses(watching, [contactId])
    checks[contactId] = { at: now, pauseMs: moved ? 0 : Math.min(DAY_MS, Math.max(FIRST_STATUS_PAUSE_MS, (last?.pauseMs ?? 0) * 2)) }
  }
  // Conversations whose messages have settled are forgotten.
  saveSyncState(ctx.db, STATUS_CHECKS, { cursor: checks })
}

const SLOW_COLLECTIONS = 'slow-collections-read'
const SLOW_COLLECTIONS_EVERY_MS = 30 * 60_000

/**
 * What changes seldom, or is read more often elsewhere, is re-read by a refresh only when
 * its last read is half an hour old (a full pass reads it too, and the app's own edits show
 * at once): each resource whose descriptor says `half-hourly` (the team, webhooks, tickets,
 * bookings, the whole web chat history, the AI side…). So an idle refresh stays within ten
 * requests however many of these resources there are.
 */
async function refreshSlowCollections(ctx: SyncContext): Promise<void> {
  const state = getSyncState(ctx.db, SLOW_COLLECTIONS)
  const last = state?.cursor === 'due' ? 0 : Date.parse(state?.lastFullPassAt ?? '') || lastFullPassAt(ctx.db)
  if (ctx.now() - last < SLOW_COLLECTIONS_EVERY_MS) return
  // Not recorded as read when one of them refused to sweep: the next refresh reads them again.
  await eachStep(ctx, refreshSteps('half-hourly'))
  saveSyncState(ctx.db, SLOW_COLLECTIONS, { cursor: null, lastFullPassAt: new Date(ctx.now()).toISOString() })
}

/**
 * The steps one after another. One that read less than its whole list (IncompletePassError:
 * it removed nothing and says why) does not keep the others from reading theirs; the
 * refusals are reported together at the end. Any other error stops the run at once.
 */
async function eachStep(ctx: SyncContext, steps: readonly SyncStep[]): Promise<void> {
  const refusals = new SweepRefusals()
  for (const step of steps) {
    try {
      await step(ctx)
    } catch (error) {
      if (!(error instanceof IncompletePassError)) throw error
      refusals.add(error.message)
    }
  }
  refusals.report()
}

function refreshSteps(cadence: 'every-refresh' | 'half-hourly'): SyncStep[] {
  return resources.flatMap((r) => (r.refresh?.cadence === cadence ? [r.refresh.step] : []))
}

/** The user asked to sync now: the next refresh reads the seldom-changing collections too. */
export function markSlowCollectionsDue(db: StoreDb): void {
  saveSyncState(db, SLOW_COLLECTIONS, { cursor: 'due' })
}

export async function runSync(ctx: SyncContext, kind: SyncKind): Promise<void> {
  switch (kind) {
    case 'first':
      return runPhases(ctx, FIRST_SYNC)
    case 'poll':
      return poll(ctx, 'when-quiet')
    case 'refresh':
      await poll(ctx, 'always')
      return eachStep(ctx, [...refreshSteps('every-refresh'), refreshSlowCollections, refreshStatuses])
    case 'full':
      return runPhases(ctx, FULL_SYNC)
    default:
      return unknownKind(kind)
  }
}

function unknownKind(kind: never): never {
  throw new Error(`Unknown sync kind: ${String(kind)}`)
}
