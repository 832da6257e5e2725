// AI agents: a small collection re-read whole on every refresh (the changelog's ai_agent.*
// webhooks never reach a desktop app; this is how it learns of changes made elsewhere).
import { replaceAiAgents } from '../../store'
import { call, readAllPages, type SyncContext } from '../context'

export async function syncAiAgents(ctx: SyncContext): Promise<void> {
  const agents = await readAllPages(() => ctx.api.aiAgents.list(call(ctx)))
  const written = replaceAiAgents(ctx.db, agents)
  if (written.inserted.length + written.updated.length + written.removed.length > 0) ctx.changed('ai-agents')
}
