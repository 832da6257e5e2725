// The conversation list, newest first. Incremental: pages until one ends on a conversation
// that has not moved since stored — every one listed after it is older still, so a poll after
// a few new messages reads one page (pages shift down as conversations move up, so rows may
// be seen twice; the upsert de-duplicates). Full: every page, then what was not seen is swept — only after
// a pass that provably saw the whole list (pass-check.ts); otherwise nothing is removed and
// the pass fails with the reason, to be run again.
import {
  conversationStamps,
  countStoredRows,
  countUnseenConversations,
  epochMs,
  sweepUnseen,
  upsertConversations,
  withoutPendingDeletes,
} from '../../store'
import { call, PER_PAGE, type SyncContext } from '../context'
import { markAllInSlices } from '../mark-in-slices'
import { checkPage, IncompletePassError, incompleteMessage, unreadableMessage } from '../pass-check'

export interface ListRead {
  pages: number
  /** Conversations whose last message moved since they were last listed: new messages. */
  newer: { contactId: number; lastMessageAtMs: number }[]
}

export async function syncConversationList(ctx: SyncContext, mode: 'incremental' | 'full'): Promise<ListRead> {
  const known = mode === 'full' ? countStoredRows(ctx.db, 'conversations') : 0
  if (mode === 'full') await markAllInSlices(ctx, 'conversations')
  const seen = new Map<number, number>()
  let page = 1
  let invalid = 0
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
    for (const id of written.renamed) ctx.changed('contacts', id)
    if (mode === 'full') {
      const verdict = checkPage(page, result, PER_PAGE, 'conversations', page === 1 ? known : 0)
      if (!verdict.ok) throw new IncompletePassError(incompleteMessage(verdict.reason))
      invalid += result.skipped
    }
    ctx.progress('conversations', Math.min(page * PER_PAGE, result.total), result.total)
    if (page >= result.lastPage || result.items.length + result.skipped === 0) break
    const oldest = items.at(-1)
    if (mode === 'incremental' && result.skipped === 0 && (oldest === undefined || !newer.includes(oldest))) break
  }
  if (mode === 'full') {
    const unseen = countUnseenConversations(ctx.db)
    // Any unseen conversation may be one that could not be read.
    if (invalid > 0 && unseen > 0) throw new IncompletePassError(unreadableMessage(invalid, 'conversations', unseen))
    if (sweepUnseen(ctx.db, { resource: 'conversations' }) > 0) ctx.changed('conversations')
  }
  return { pages: page, newer: [...seen].map(([contactId, lastMessageAtMs]) => ({ contactId, lastMessageAtMs })) }
}
