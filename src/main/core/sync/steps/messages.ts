// A contact's messages. The docs fix no order for the history, so the order is read from
// the timestamps received and remembered: newest-first histories are read from page 1 until
// a page holds messages already stored; oldest-first ones from the page where the stored
// count ends. Either way a conversation with one new message costs one request.
import type { Message } from '../../skylight/resources/messages'
import { NotFoundError } from '../../skylight'
import {
  conversationsDueForMessages,
  countConversationsDueForMessages,
  deleteContacts,
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

/** Fetches what is new in one contact's history, then records it as synced up to `targetMs`. */
export async function syncMessagesFor(ctx: SyncContext, contactId: number, targetMs: number): Promise<void> {
  let order = knownOrder(ctx)
  let page = order === 'asc' ? Math.floor(serverMessageCount(ctx.db, contactId) / PER_PAGE) + 1 : 1
  let stepsBack = 0
  try {
    for (;;) {
      const result = await ctx.api.messages.list(contactId, { page, per_page: PER_PAGE }, call(ctx))
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
        // The mark moves with the last page, in the same transaction: a crash before it
        // leaves the conversation due, never marked with messages missing.
        if (last) markMessagesSynced(tx, contactId, targetMs)
        return w
      })
      if (written.inserted.length + written.updated.length > 0) ctx.changed('messages', contactId)
      const fresh = new Set(written.inserted)
      for (const m of result.items) if (fresh.has(m.id) && m.direction === 'inbound') ctx.inbound(contactId, m.content ?? '')
      if (last) return
      // Newest first: once a page holds stored messages, the rest is known.
      if (order !== 'asc' && written.inserted.length < result.items.length) {
        markMessagesSynced(ctx.db, contactId, targetMs)
        return
      }
      page++
    }
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error
    // The contact is gone upstream; so is its conversation.
    deleteContacts(ctx.db, [contactId])
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
