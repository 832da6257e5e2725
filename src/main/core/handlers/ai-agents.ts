// The AI agents view: reads from the local copy, edits through the outbox (Outbox.queue by
// kind), and bulk assignment by chosen ids or by the contacts view's filter.
import type { Handlers } from '../../../shared/contract'
import type { AiAgentInput } from '../../../shared/contract/ai-agents'
import { aiAgentList, contactAgents, contactIdsMatching, getAiAgent } from '../store'
import type { HandlerContext } from './context'

type AiAgentHandlers = Pick<
  Handlers,
  | 'ai-agents-list'
  | 'ai-agent-get'
  | 'ai-agent-create'
  | 'ai-agent-update'
  | 'ai-agent-delete'
  | 'ai-agent-set-default'
  | 'ai-agent-assign'
  | 'contact-agents'
>

/** The view's field names → the API's (only those given). */
function apiFields(input: Partial<AiAgentInput>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  if (input.name !== undefined) out.name = input.name
  if (input.systemPrompt !== undefined) out.system_prompt = input.systemPrompt
  if (input.instructionPrompt !== undefined) out.instruction_prompt = input.instructionPrompt
  if (input.personalityPrompt !== undefined) out.personality_prompt = input.personalityPrompt
  if (input.responseGuidelines !== undefined) out.response_guidelines = input.responseGuidelines
  if (input.isActive !== undefined) out.is_active = input.isActive
  return out
}

export function aiAgentHandlers(ctx: HandlerContext): AiAgentHandlers {
  const db = () => ctx.session().store.db
  const outbox = () => ctx.session().outbox
  const queue = (kind: string, input: Record<string, unknown>) => ({ actionId: String(outbox().queue(kind, input).actionId) })
  return {
    'ai-agents-list': async () => ({ items: aiAgentList(db()) }),
    'ai-agent-get': async ({ id }) => getAiAgent(db(), id),
    'ai-agent-create': async (input) => {
      const { actionId, localId } = outbox().queue('create-ai-agent', apiFields(input))
      return { actionId: String(actionId), localId: localId! }
    },
    'ai-agent-update': async ({ id, changes }) => queue('update-ai-agent', { agentId: id, changes: apiFields(changes) }),
    'ai-agent-delete': async ({ id }) => queue('delete-ai-agent', { agentId: id }),
    'ai-agent-set-default': async ({ id }) => queue('set-default-ai-agent', { agentId: id }),
    'ai-agent-assign': async ({ id, contactIds, filter }) => {
      const ids = contactIds ?? contactIdsMatching(db(), filter ?? {})
      return { ...queue('assign-ai-agent', { agentId: id, contact_ids: ids }), count: ids.length }
    },
    'contact-agents': async ({ contactIds }) => ({ items: contactAgents(db(), contactIds) }),
  }
}
