// Edit a persona (PUT with only the changed fields). Repeating it sets the same values, so
// it is safe to retry; consecutive edits of one agent, or of one not yet created, merge.
import { z } from 'zod'
import { aiAgent } from '../../skylight/resources/ai-agents'
import { patchRow, saveAiAgentIfUnheld } from '../../store'
import { aiAgentChanges, aiAgentRowFields } from './ai-agent-fields'
import { quote, type ActionDef } from './define'
import { hold, release } from './hold'
import { t } from '../../language'

const schema = z.object({
  agentId: z.number().int(),
  changes: aiAgentChanges,
  /** Row fields before the first merged edit, put back if it fails. */
  previous: z.record(z.string(), z.unknown()).default({}),
})
export type UpdateAiAgentPayload = z.output<typeof schema>

export const updateAiAgentAction: ActionDef<UpdateAiAgentPayload> = {
  kind: 'update-ai-agent',
  payload: { current: 1, schema },
  lane: (p) => `ai-agent:${p.agentId}`,
  summary: (p, names) => (p.changes.name ? t().agents_summary_edit_named({ name: quote(p.changes.name) }) : t().agents_summary_edit({ agent: names('ai-agent', p.agentId) })),
  repeatable: true,
  resources: ['ai-agents'],
  apply(db, p, { hold: holding }) {
    const before = patchRow(db, 'ai-agent', p.agentId, aiAgentRowFields(p.changes))
    if (holding) hold(db, { kind: 'ai-agent', id: p.agentId })
    return { ...p, previous: { ...before, ...p.previous } }
  },
  rollback(db, p) {
    patchRow(db, 'ai-agent', p.agentId, p.previous)
    release(db, { kind: 'ai-agent', id: p.agentId })
  },
  async send(ctx, p) {
    const saved = await ctx.api.aiAgents.update(p.agentId, p.changes, ctx.call)
    return { serverId: saved.id, record: saved }
  },
  confirm(db, p, result) {
    release(db, { kind: 'ai-agent', id: p.agentId })
    const saved = aiAgent.safeParse(result.record)
    if (saved.success) saveAiAgentIfUnheld(db, saved.data)
  },
  coalesce(queued, next) {
    const q = queued.payload as { agentId?: number; localId?: number; changes?: object }
    if (queued.kind === 'update-ai-agent' && q.agentId === next.agentId) return { ...q, changes: { ...q.changes, ...next.changes } }
    if (queued.kind === 'create-ai-agent' && q.localId === next.agentId) return { ...q, ...next.changes }
    return null
  },
  edit: (p, changes) => ({ ...p, changes: { ...p.changes, ...aiAgentChanges.parse(changes) } }),
}
