// Knowledge-base entries, re-read whole on every refresh (the knowledge_base.* webhooks
// never reach a desktop app; this is how it learns of entries made or processed elsewhere).
// An entry new or changed since the last read is read in full (its text, a catalog's
// products), so it can be opened offline; a full pass reads every entry in full.
import { pendingDeletes, saveKbDetail, replaceKbEntries } from '../../store'
import { call, PER_PAGE, readAllPages, type SyncContext } from '../context'

export async function syncKnowledgeBase(ctx: SyncContext, all = false): Promise<void> {
  const entries = await readAllPages((page) => ctx.api.knowledgeBase.list({ page, per_page: PER_PAGE }, call(ctx)))
  const written = replaceKbEntries(ctx.db, entries)
  const due = new Set(all ? entries.map((e) => e.id) : [...written.inserted, ...written.updated])
  for (const id of pendingDeletes(ctx.db, 'kb-entry')) due.delete(id)
  for (const id of due) saveKbDetail(ctx.db, await ctx.api.knowledgeBase.get(id, call(ctx)))
  if (written.inserted.length + written.updated.length + written.removed.length > 0) ctx.changed('knowledge-base')
}
