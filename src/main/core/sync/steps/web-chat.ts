// Web chat sessions. A refresh or full pass reads them all (what is gone is removed); a poll
// reads only the active ones — one request, so live sessions move on every poll while the
// rest of the account waits for a refresh. A session's messages are re-read when its last
// activity moved.
import { replaceWebChatMessages, saveWebChatSessions, webChatSessionsDue } from '../../store'
import { call, PER_PAGE, readAllPages, type SyncContext } from '../context'

export async function syncWebChat(ctx: SyncContext, scope: 'all' | 'active'): Promise<void> {
  const sessions = await readAllPages((page) =>
    ctx.api.webChat.list({ page, per_page: PER_PAGE, ...(scope === 'active' ? { status: 'active' } : {}) }, call(ctx)),
  )
  const written = saveWebChatSessions(ctx.db, sessions, scope === 'all')
  if (written.changed > 0) ctx.changed('webChat')
  const due = webChatSessionsDue(ctx.db, scope === 'active')
  for (const id of due) {
    try {
      replaceWebChatMessages(ctx.db, await ctx.api.webChat.get(id, call(ctx)))
    } catch (error) {
      // Gone since the list was read: the next full read removes it.
      if ((error as { type?: string }).type !== 'not-found') throw error
    }
  }
  if (due.length > 0) ctx.changed('webChat')
}
