// Web chat sessions. A refresh or full pass reads them all (what is gone is removed); a poll
// reads only the active ones — one request, so live sessions move on every poll while the
// rest of the account waits for a refresh. A session's messages are re-read when its last
// activity moved. Nothing is removed after a read that did not provably see the whole list
// (pass-check.ts); a poll removes nothing.
import { replaceWebChatMessages, saveWebChatSessions, storedSessionIds, webChatSessionsDue, type SessionsWrite } from '../../store'
import { call, PER_PAGE, readAllPages, type SyncContext } from '../context'
import { readCheckedList, SweepRefusals, wholeList, writeChecked } from '../pass-check'

export async function syncWebChat(ctx: SyncContext, scope: 'all' | 'active'): Promise<void> {
  const refusals = new SweepRefusals()
  const fetch = (page: number) => ctx.api.webChat.list({ page, per_page: PER_PAGE, ...(scope === 'active' ? { status: 'active' } : {}) }, call(ctx))
  let written: SessionsWrite
  if (scope === 'all') {
    const read = await readCheckedList(wholeList('web chat sessions', fetch, storedSessionIds(ctx.db), (id) => ctx.api.webChat.get(id, call(ctx))))
    written = writeChecked(read, refusals, (items, sweep) => saveWebChatSessions(ctx.db, items, true, sweep))
  } else {
    written = saveWebChatSessions(ctx.db, await readAllPages(fetch), false)
  }
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
  refusals.report()
}
