// A contact's messages. The docs fix no order for the history, so the order is read from
// the timestamps received and remembered: newest-first histories are read from page 1 until
// a page reaches the part of the history already complete (or the last page), with the
// walk's page committed as it goes; oldest-first ones from the page where the stored count
// ends. Either way a conversation with one new message costs one request.
import type { Message } from '../../skylight/resources/messages'
import { NotFoundError } from '../../skylight'
import {
  conversationStamps,
  conversationsDueForMessages,
  countConversationsDueForMessages,
  deleteContacts,
  deleteSyncState,
  epochMs,
  getSyncState,
  inTransaction,
  markMessagesSynced,
  saveSyncState,
  serverMessageCount,
  upsertMessages,
} from '../../store'
import { call, PER_PAGE, type SyncContext } from '../context'
import { inParallel } from '../in-parallel'

type Order = 'asc' | 'desc'
const ORDER_STATE = 'message-order'
/** Conversations fetched at once; most need a single page. */
const CONVERSATIONS_AT_ONCE = 4

/** Newest-first or oldest-first, from one page; undefined when the page cannot tell. */
export function detectOrder(items: readonly Message[]): Order | undefined {
  if (items.length < 2) return undefined
  const first = items[0]!
  const last = items[items.length - 1]!
  const a = epochMs(first.sent_at, first.created_at)
  const b = epochMs(last.sent_at, last.created_at)
  if (a !== b) return a > b ? 'desc' : 'asc'
  return first.id === last.id ? undefined : first.id > last.id ? 'desc' : 'asc'
}

function knownOrder(ctx: SyncContext): Order | undefined {
  const cursor = getSyncState(ctx.db, ORDER_STATE)?.cursor
  return cursor === 'asc' || cursor === 'desc' ? cursor : undefined
}

/**
 * Where a newest-first walk of one history stands, committed with each page so a walk cut
 * short (kill, quit, 5xx) resumes where it stopped instead of meeting page 1's stored
 * messages and taking the history for complete.
 */
interface HistoryCursor {
  /** Next page to read. */
  page: number
  /** The history's length when that page was reached: a shorter one means rows moved up. */
  total: number
  /** messages_synced_ms when the walk began: the history was complete up to there (-1: never). */
  completeMs: number
}

const cursorKey = (contactId: number) => `history:${contactId}`

function readCursor(ctx: SyncContext, contactId: number): HistoryCursor | null {
  const c = getSyncState(ctx.db, cursorKey(contactId))?.cursor as Partial<HistoryCursor> | null | undefined
  if (!c || !Number.isInteger(c.page) || !Number.isInteger(c.total) || typeof c.completeMs !== 'number') return null
  return { page: Math.max(1, c.page!), total: c.total!, completeMs: c.completeMs }
}

/** The page that now holds the first row not yet read, when `shrunk` rows went from above it. */
export function pageAfterShrink(page: number, shrunk: number): number {
  const read = (page - 1) * PER_PAGE - Math.max(0, shrunk)
  return Math.max(1, Math.floor(Math.max(0, read) / PER_PAGE) + 1)
}

/** Fetches what is new in one contact's history, then records it as synced up to `targetMs`. */
export async function syncMessagesFor(ctx: SyncContext, contactId: number, targetMs: number): Promise<void> {
  let order = knownOrder(ctx)
  const saved = order === 'asc' ? null : readCursor(ctx, contactId)
  // Stored messages dated up to here prove the walk has reached the part already complete.
  const completeMs = saved?.completeMs ?? conversationStamps(ctx.db, [contactId]).get(contactId)?.messagesSyncedMs ?? -1
  let page = order === 'asc' ? Math.floor(serverMessageCount(ctx.db, contactId) / PER_PAGE) + 1 : (saved?.page ?? 1)
  let knownTotal = saved?.total
  let stepsBack = 0
  try {
    for (;;) {
      const result = await ctx.api.messages.list(contactId, { page, per_page: PER_PAGE }, call(ctx))
      if (knownTotal !== undefined && result.total < knownTotal && order !== 'asc') {
        // Messages were deleted upstream since the walk stopped: unread rows may have moved
        // onto pages already read, so step back (reading a few rows twice costs nothing).
        const back = pageAfterShrink(page, knownTotal - result.total)
        knownTotal = result.total
        if (back < page) {
          page = back
          continue
        }
      }
      knownTotal = result.total
      if (result.items.length === 0 && page > result.lastPage && stepsBack++ < 1) {
        // Messages were deleted upstream, so the history is shorter than the stored count says.
        page = Math.max(1, result.lastPage)
        continue
      }
      const seen = detectOrder(result.items)
      if (seen && seen !== order) {
        order = seen
        saveSyncState(ctx.db, ORDER_STATE, { cursor: seen })
      }
      const last = page >= result.lastPage
      const written = inTransaction(ctx.db, (tx) => {
        const w = upsertMessages(tx, contactId, result.items)
        // Newest first: the walk may stop at a page holding a message that was stored before
        // and dated within the part of the history already complete; not at any stored one
        // (a message the outbox just sent, or a page read before an interruption).
        const fresh = new Set(w.inserted)
        const reachedComplete =
          order !== 'asc' &&
          completeMs >= 0 &&
          result.items.some((m) => !fresh.has(m.id) && epochMs(m.sent_at, m.created_at) <= completeMs)
        const complete = last || reachedComplete
        // The mark and the cursor move with the page, in the same transaction: a crash
        // leaves the conversation due and its walk resumable, never marked with rows missing.
        if (complete) {
          markMessagesSynced(tx, contactId, targetMs)
          deleteSyncState(tx, cursorKey(contactId))
        } else if (order !== 'asc') {
          saveSyncState(tx, cursorKey(contactId), { cursor: { page: page + 1, total: result.total, completeMs } satisfies HistoryCursor })
        }
        return { ...w, complete }
      })
      if (written.inserted.length + written.updated.length > 0) ctx.changed('messages', contactId)
      const fresh = new Set(written.inserted)
      for (const m of result.items) if (fresh.has(m.id) && m.direction === 'inbound') ctx.inbound(contactId, m.content ?? '')
      if (written.complete) return
      page++
    }
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error
    // The contact is gone upstream; so is its conversation.
    inTransaction(ctx.db, (tx) => {
      deleteContacts(tx, [contactId])
      deleteSyncState(tx, cursorKey(contactId))
    })
    ctx.changed('conversations')
    ctx.changed('contacts')
  }
}

/** Brings every conversation's messages up to its last message, most recent first. */
export async function syncDueMessages(ctx: SyncContext): Promise<void> {
  const total = countConversationsDueForMessages(ctx.db)
  let done = 0
  if (total > 0) ctx.progress('messages', 0, total)
  for (;;) {
    const due = conversationsDueForMessages(ctx.db, 20)
    if (due.length === 0) break
    await inParallel(due, CONVERSATIONS_AT_ONCE, async ({ contactId, lastMessageAtMs }) => {
      await syncMessagesFor(ctx, contactId, lastMessageAtMs)
      ctx.progress('messages', ++done, Math.max(total, done))
    })
  }
}

/** Re-reads the newest page of conversations whose sent messages may have moved on (delivered, read). */
export async function refreshRecentStatuses(ctx: SyncContext, contactIds: readonly number[]): Promise<void> {
  const order = knownOrder(ctx)
  for (const contactId of contactIds) {
    const count = serverMessageCount(ctx.db, contactId)
    const page = order === 'asc' ? Math.max(1, Math.ceil(count / PER_PAGE)) : 1
    const result = await ctx.api.messages.list(contactId, { page, per_page: PER_PAGE }, call(ctx, 'background'))
    const written = upsertMessages(ctx.db, contactId, result.items)
    if (written.updated.length + written.inserted.length > 0) ctx.changed('messages', contactId)
  }
}
