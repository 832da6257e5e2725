// Assign an agent to many contacts at once: one queued action, one request (in chunks of
// the API's limit for very large selections). Each contact shows the agent at once, and
// goes back to its earlier agent if SkyLight refuses. Assigning again has the same effect,
// so the action is repeatable and needs no reconciling.
import { z } from 'zod'
import { assignAiAgent, restoreAssignments } from '../../store'
import type { ActionDef } from './define'
import { t } from '../../language'

/** The sandbox's (and a Laravel `max:` rule's) limit per request. */
export const ASSIGN_CHUNK = 1_000

const schema = z.object({
  agentId: z.number().int(),
  contact_ids: z.array(z.number().int()).min(1, 'Choose at least one contact.'),
  /** Each contact's agent before, put back if the assignment fails. */
  previous: z.array(z.object({ contactId: z.number().int(), agentId: z.number().int().nullable(), assignedAt: z.string().nullish() })).optional(),
})
export type AssignAiAgentPayload = z.output<typeof schema>

export const assignAiAgentAction: ActionDef<AssignAiAgentPayload> = {
  kind: 'assign-ai-agent',
  payload: { current: 1, schema },
  lane: (p) => `ai-agent:${p.agentId}`,
  summary: (p, names) =>
    t().summary_assign_agent({
      agent: names('ai-agent', p.agentId),
      to: p.contact_ids.length === 1 ? names('contact', p.contact_ids[0]!) : t().summary_contacts({ n: p.contact_ids.length }),
    }),
  repeatable: true,
  resources: ['ai-agents', 'contacts'],
  apply(db, p) {
    const contactIds = [...new Set(p.contact_ids)]
    const previous = assignAiAgent(db, p.agentId, contactIds, new Date().toISOString())
    return { ...p, contact_ids: contactIds, previous: p.previous ?? previous }
  },
  rollback(db, p) {
    restoreAssignments(db, p.previous ?? [], new Date().toISOString())
  },
  async send(ctx, p) {
    for (let i = 0; i < p.contact_ids.length; i += ASSIGN_CHUNK) {
      await ctx.api.aiAgents.assign(p.agentId, p.contact_ids.slice(i, i + ASSIGN_CHUNK), ctx.call)
    }
    return { serverId: p.agentId }
  },
  confirm() {},
}
