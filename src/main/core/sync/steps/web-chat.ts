// Web chat sessions. A refresh or full pass reads them all (what is gone is removed); a poll
// reads only the active ones — one request, so live sessions move on every poll while the
// rest of the account waits for a refresh. A session's messages are re-read when its last
// activity moved. Nothing is removed after a read that did not provably see the whole list
// (pass-check.ts); a poll removes nothing. A visitor who starts waiting for a person is
// told, and so is a visitor's new message in a session a person handles.
import {
  newestVisitorMessage,
  replaceWebChatMessages,
  saveWebChatSessions,
  storedSessionIds,
  webChatSessionMarks,
  webChatSessionsDue,
  type SessionsWrite,
} from '../../store'
import { call, PER_PAGE, readAllPages, type SyncContext } from '../context'
import { readCheckedList, SweepRefusals, wholeList, writeChecked } from '../pass-check'

const PREVIEW_CHARS = 140

export async function syncWebChat(ctx: SyncContext, scope: 'all' | 'active'): Promise<void> {
  const refusals = new SweepRefusals()
  const fetch = (page: number) => ctx.api.webChat.list({ page, per_page: PER_PAGE, ...(scope === 'active' ? { status: 'active' } : {}) }, call(ctx))
  let written: SessionsWrite
  let before: ReturnType<typeof webChatSessionMarks>
  if (scope === 'all') {
    const read = await readCheckedList(wholeList('web chat sessions', fetch, storedSessionIds(ctx.db), (id) => ctx.api.webChat.get(id, call(ctx))))
    before = webChatSessionMarks(ctx.db)
    written = writeChecked(read, refusals, (items, sweep) => saveWebChatSessions(ctx.db, items, true, sweep))
  } else {
    const sessions = await readAllPages(fetch)
    before = webChatSessionMarks(ctx.db)
    written = saveWebChatSessions(ctx.db, sessions, false)
  }
  if (written.changed > 0) ctx.changed('webChat')
  const after = webChatSessionMarks(ctx.db)
  for (const [sessionId, now] of after) {
    if (now.waiting && !before.get(sessionId)?.waiting) ctx.notice({ kind: 'web-chat-waiting', sessionId, visitor: now.visitor })
  }

  const due = webChatSessionsDue(ctx.db, scope === 'active')
  for (const id of due) {
    const last = newestVisitorMessage(ctx.db, id)
    try {
      replaceWebChatMessages(ctx.db, await ctx.api.webChat.get(id, call(ctx)))
    } catch (error) {
      // Gone since the list was read: the next full read removes it.
      if ((error as { type?: string }).type !== 'not-found') throw error
      continue
    }
    const session = after.get(id)
    const newest = newestVisitorMessage(ctx.db, id)
    // A session the AI handles needs nobody; one waiting was told above.
    if (session?.withAgent && newest && newest.serverId > (last?.serverId ?? 0)) {
      ctx.notice({ kind: 'web-chat-visitor-message', sessionId: id, visitor: session.visitor, preview: newest.text.slice(0, PREVIEW_CHARS) })
    }
  }
  if (due.length > 0) ctx.changed('webChat')
  refusals.report()
}
