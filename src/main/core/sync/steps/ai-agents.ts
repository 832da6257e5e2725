// AI agents: a small collection re-read whole on every refresh (the changelog's ai_agent.*
// webhooks never reach a desktop app; this is how it learns of changes made elsewhere).
// Nothing is removed after a read that did not provably see the whole list (pass-check.ts).
import { replaceAiAgents, storedServerIds } from '../../store'
import { call, type SyncContext } from '../context'
import { readCheckedList, SweepRefusals, wholeList, writeChecked } from '../pass-check'

export async function syncAiAgents(ctx: SyncContext): Promise<void> {
  const refusals = new SweepRefusals()
  const read = await readCheckedList(wholeList('AI agents', () => ctx.api.aiAgents.list(call(ctx)), storedServerIds(ctx.db, 'ai-agents'), (id) => ctx.api.aiAgents.get(id, call(ctx))))
  const written = writeChecked(read, refusals, (items, sweep) => replaceAiAgents(ctx.db, items, sweep))
  if (written.inserted.length + written.updated.length + written.removed.length > 0) ctx.changed('ai-agents')
  refusals.report()
}
