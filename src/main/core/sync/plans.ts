// What each kind of sync run does, in order (DESIGN.md, "Data flow").
//   first   — everything, what the user sees first (recent conversations) first; resumable.
//   poll    — the cheap, frequent check: new conversations/messages, new media (idle: 2 requests).
//   refresh — poll plus the small collections re-read whole and recent message statuses.
//   full    — every list read whole with deletions swept.
import { contactsWithUnsettledMessages, getSyncState, saveSyncState } from '../store'
import type { SyncContext } from './context'
import { syncAccount } from './steps/account'
import { syncAiAgents } from './steps/ai-agents'
import { syncKnowledgeBase } from './steps/knowledge-base'
import { syncVoice } from './steps/voice'
import { syncCampaigns } from './steps/campaigns'
import { contactsPass } from './steps/contacts'
import { syncConversationList } from './steps/conversations'
import { syncGroups } from './steps/groups'
import { mediaPass, syncNewMedia } from './steps/media'
import { refreshRecentStatuses, syncDueMessages } from './steps/messages'

export type SyncKind = 'first' | 'poll' | 'refresh' | 'full'

const FIRST_SYNC = 'first-sync'
const fullPhases = {
  account: syncAccount,
  conversations: async (ctx: SyncContext) => void (await syncConversationList(ctx, 'full')),
  messages: syncDueMessages,
  contacts: contactsPass,
  groups: (ctx: SyncContext) => syncGroups(ctx, true),
  media: mediaPass,
  campaigns: (ctx: SyncContext) => syncCampaigns(ctx, true),
  'ai-agents': syncAiAgents,
  'knowledge-base': (ctx: SyncContext) => syncKnowledgeBase(ctx, true),
  voice: syncVoice,
} as const
type Phase = keyof typeof fullPhases
const PHASES = Object.keys(fullPhases) as Phase[]

export function firstSyncDone(ctx: Pick<SyncContext, 'db'>): boolean {
  return getSyncState(ctx.db, FIRST_SYNC)?.lastFullPassAt != null
}

/** Every phase once; phases already done (before a crash or quit) are not repeated. */
async function runPhases(ctx: SyncContext, state: string): Promise<void> {
  const done = new Set((getSyncState(ctx.db, state)?.cursor as Phase[] | null | undefined) ?? [])
  for (const phase of PHASES) {
    if (done.has(phase)) continue
    await fullPhases[phase](ctx)
    done.add(phase)
    saveSyncState(ctx.db, state, { cursor: [...done] })
  }
  saveSyncState(ctx.db, state, { cursor: null, lastFullPassAt: new Date(ctx.now()).toISOString() })
}

async function poll(ctx: SyncContext, media: 'always' | 'when-quiet'): Promise<void> {
  const pages = await syncConversationList(ctx, 'incremental')
  await syncDueMessages(ctx)
  // After a burst of new conversations the media check waits for the next quiet poll, so
  // a poll never costs more than k + 2 requests for k new messages.
  if (media === 'always' || pages <= 1) await syncNewMedia(ctx)
}

const DAY_MS = 24 * 60 * 60 * 1000

export async function runSync(ctx: SyncContext, kind: SyncKind): Promise<void> {
  switch (kind) {
    case 'first':
      return runPhases(ctx, FIRST_SYNC)
    case 'poll':
      return poll(ctx, 'when-quiet')
    case 'refresh':
      await poll(ctx, 'always')
      await syncAccount(ctx)
      await syncGroups(ctx, false)
      await syncCampaigns(ctx, false)
      await syncAiAgents(ctx)
      await syncKnowledgeBase(ctx)
      await syncVoice(ctx)
      await refreshRecentStatuses(ctx, contactsWithUnsettledMessages(ctx.db, ctx.now() - DAY_MS, 10))
      return
    case 'full':
      return runPhases(ctx, 'full-sync')
    default:
      return unknownKind(kind)
  }
}

function unknownKind(kind: never): never {
  throw new Error(`Unknown sync kind: ${String(kind)}`)
}
