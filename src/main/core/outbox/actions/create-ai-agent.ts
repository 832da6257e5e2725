// Create an AI agent persona. POST without idempotency key: an unknown outcome is settled
// by looking for an agent of the same name and system prompt made since the first attempt.
import { z } from 'zod'
import { aiAgent } from '../../skylight/resources/ai-agents'
import { insertLocalAiAgent, rekeyAiAgent, removeRow } from '../../store'
import { findCreatedAiAgent, newestAiAgentId } from '../reconcile'
import { aiAgentChanges, aiAgentFields } from './ai-agent-fields'
import { quote, type ActionDef } from './define'
import { release } from './hold'
import { t } from '../../language'

const schema = aiAgentFields.extend({ localId: z.number().int().negative() })
export type CreateAiAgentPayload = z.output<typeof schema>

export const createAiAgentAction: ActionDef<CreateAiAgentPayload> = {
  kind: 'create-ai-agent',
  payload: { current: 1, schema },
  lane: (p) => `ai-agent:${p.localId}`,
  summary: (p) => t().agents_summary_create({ name: quote(p.name) }),
  editable: (p) => ({ name: p.name, system_prompt: p.system_prompt }),
  repeatable: false,
  resources: ['ai-agents'],
  creates: { entity: 'ai-agent', localId: (p) => p.localId },
  apply(db, p) {
    insertLocalAiAgent(db, {
      id: p.localId,
      name: p.name,
      systemPrompt: p.system_prompt,
      instructionPrompt: p.instruction_prompt,
      personalityPrompt: p.personality_prompt,
      responseGuidelines: p.response_guidelines,
      isActive: p.is_active,
      createdAt: new Date().toISOString(),
    })
    return p
  },
  rollback(db, p) {
    removeRow(db, 'ai-agent', p.localId)
  },
  async send(ctx, p) {
    const { localId: _localId, ...input } = p
    const created = await ctx.api.aiAgents.create(input, ctx.call)
    return { serverId: created.id, record: created }
  },
  observe: (ctx) => newestAiAgentId(ctx),
  async reconcile(ctx, p) {
    const found = await findCreatedAiAgent(ctx, p)
    return found ? { serverId: found.id, record: found } : null
  },
  confirm(db, p, result) {
    const created = aiAgent.safeParse(result.record)
    if (!created.success) return
    rekeyAiAgent(db, p.localId, created.data)
    release(db, { kind: 'ai-agent', id: created.data.id })
  },
  edit: (p, changes) => ({ ...p, ...aiAgentChanges.parse(changes) }),
}
