// Make an agent the default (new contacts get it). Shown at once; the earlier default is
// held too, so a sync before the server has it cannot show two defaults. Repeatable: a
// second set-default of the same agent changes nothing.
import { z } from 'zod'
import { aiAgent } from '../../skylight/resources/ai-agents'
import { restoreDefaultAiAgent, saveAiAgentIfUnheld, setDefaultAiAgent } from '../../store'
import type { ActionDef } from './define'
import { hold, release } from './hold'
import { t } from '../../language'

const schema = z.object({
  agentId: z.number().int(),
  /** The default before (null: none), put back if the change fails; absent until applied. */
  previousDefault: z.number().int().nullable().optional(),
})
export type SetDefaultAiAgentPayload = z.output<typeof schema>

export const setDefaultAiAgentAction: ActionDef<SetDefaultAiAgentPayload> = {
  kind: 'set-default-ai-agent',
  payload: { current: 1, schema },
  lane: (p) => `ai-agent:${p.agentId}`,
  summary: (p, names) => t().agents_summary_default({ agent: names('ai-agent', p.agentId) }),
  repeatable: true,
  resources: ['ai-agents'],
  apply(db, p, { hold: holding }) {
    const previous = setDefaultAiAgent(db, p.agentId)
    if (holding) {
      hold(db, { kind: 'ai-agent', id: p.agentId })
      if (previous !== null && previous !== p.agentId) hold(db, { kind: 'ai-agent', id: previous })
    }
    return { ...p, previousDefault: p.previousDefault === undefined ? previous : p.previousDefault }
  },
  rollback(db, p) {
    restoreDefaultAiAgent(db, p.previousDefault ?? null)
    releaseBoth(db, p)
  },
  async send(ctx, p) {
    const saved = await ctx.api.aiAgents.setDefault(p.agentId, ctx.call)
    return { serverId: p.agentId, record: saved ?? undefined }
  },
  confirm(db, p, result) {
    releaseBoth(db, p)
    const saved = aiAgent.safeParse(result.record)
    if (saved.success) saveAiAgentIfUnheld(db, saved.data)
  },
}

function releaseBoth(db: Parameters<typeof release>[0], p: SetDefaultAiAgentPayload): void {
  release(db, { kind: 'ai-agent', id: p.agentId })
  if (p.previousDefault != null && p.previousDefault !== p.agentId) release(db, { kind: 'ai-agent', id: p.previousDefault })
}
