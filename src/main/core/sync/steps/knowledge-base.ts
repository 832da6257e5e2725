// Knowledge-base entries, re-read whole on every refresh (the knowledge_base.* webhooks
// never reach a desktop app; this is how it learns of entries made or processed elsewhere).
// An entry new or changed since the last read is read in full (its text, a catalog's
// products), so it can be opened offline; a full pass reads every entry in full. Nothing is
// removed after a read that did not provably see the whole list (pass-check.ts).
import { pendingDeletes, saveKbDetail, replaceKbEntries, storedServerIds } from '../../store'
import { call, PER_PAGE, type SyncContext } from '../context'
import { readCheckedList, SweepRefusals, wholeList, writeChecked } from '../pass-check'

export async function syncKnowledgeBase(ctx: SyncContext, all = false): Promise<void> {
  const refusals = new SweepRefusals()
  const read = await readCheckedList(
    wholeList('knowledge base entries', (page) => ctx.api.knowledgeBase.list({ page, per_page: PER_PAGE }, call(ctx)), storedServerIds(ctx.db, 'kb-entries'), (id) =>
      ctx.api.knowledgeBase.get(id, call(ctx)),
    ),
  )
  const written = writeChecked(read, refusals, (items, sweep) => replaceKbEntries(ctx.db, items, sweep))
  const due = new Set(all ? read.items.map((e) => e.id) : [...written.inserted, ...written.updated])
  for (const id of pendingDeletes(ctx.db, 'kb-entry')) due.delete(id)
  for (const id of due) saveKbDetail(ctx.db, await ctx.api.knowledgeBase.get(id, call(ctx)))
  if (written.inserted.length + written.updated.length + written.removed.length > 0) ctx.changed('knowledge-base')
  refusals.report()
}
