// The conversation list, newest first. Incremental: pages until one brings nothing newer
// than what is stored (pages shift down as conversations move up, so rows may be seen twice;
// the upsert de-duplicates). Full: every page, then what was not seen is swept.
import { conversationStamps, epochMs, sweepUnseen, upsertConversations, withoutPendingDeletes } from '../../store'
import { call, PER_PAGE, type SyncContext } from '../context'
import { markAllInSlices } from '../mark-in-slices'

export interface ListRead {
  pages: number
  /** Conversations whose last message moved since they were last listed: new messages. */
  newer: { contactId: number; lastMessageAtMs: number }[]
}

export async function syncConversationList(ctx: SyncContext, mode: 'incremental' | 'full'): Promise<ListRead> {
  if (mode === 'full') await markAllInSlices(ctx, 'conversations')
  const seen = new Map<number, number>()
  let page = 1
  for (; ; page++) {
    const result = await ctx.api.messages.conversations({ page, per_page: PER_PAGE }, call(ctx))
    // A conversation whose contact the user deleted (delete still queued) is not news.
    const items = withoutPendingDeletes(ctx.db, 'contact', result.items, (c) => c.contact_id)
    const stamps = conversationStamps(
      ctx.db,
      items.map((c) => c.contact_id),
    )
    const newer = items.filter((c) => stamps.get(c.contact_id)?.lastMessageAtMs !== epochMs(c.last_message_at))
    for (const c of newer) seen.set(c.contact_id, epochMs(c.last_message_at))
    const written = upsertConversations(ctx.db, result.items)
    if (written.inserted.length + written.updated.length > 0) ctx.changed('conversations')
    ctx.progress('conversations', Math.min(page * PER_PAGE, result.total), result.total)
    if (page >= result.lastPage || result.items.length === 0) break
    if (mode === 'incremental' && newer.length === 0) break
  }
  if (mode === 'full' && sweepUnseen(ctx.db, { resource: 'conversations' }) > 0) ctx.changed('conversations')
  return { pages: page, newer: [...seen].map(([contactId, lastMessageAtMs]) => ({ contactId, lastMessageAtMs })) }
}
