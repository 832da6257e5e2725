// /ai-agents: the personas behind automated replies, the default one, bulk assignment.
import { z } from 'zod'
import type { CallOptions, SkyLightClient } from '../client'
import { bool, id, int, nullable, timestamp } from '../schema'

/** Key/value formatting rules; values other than text (a number of sentences) are kept as text. */
const guidelines = z
  .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
  .nullish()
  .catch(null)
  .transform((v) => Object.fromEntries(Object.entries(v ?? {}).filter(([, x]) => x !== null).map(([k, x]) => [k, String(x)])))

export const aiAgent = z.object({
  id,
  name: z.string().nullish().transform((v) => v ?? ''),
  system_prompt: z.string().nullish().transform((v) => v ?? ''),
  instruction_prompt: nullable(z.string()),
  personality_prompt: nullable(z.string()),
  response_guidelines: guidelines,
  is_active: bool.nullish().transform((v) => v ?? true),
  is_default: bool.nullish().transform((v) => v ?? false),
  created_at: nullable(timestamp),
  updated_at: nullable(timestamp),
})
export type AiAgent = z.output<typeof aiAgent>

export interface AiAgentInput {
  name: string
  system_prompt: string
  instruction_prompt?: string | null
  personality_prompt?: string | null
  response_guidelines?: Record<string, string>
  is_active?: boolean
  is_default?: boolean
}

export const assignResult = z.object({ ai_agent_id: nullable(id), assigned_count: nullable(int) }).catch({ ai_agent_id: null, assigned_count: null })

export function aiAgentsApi(client: SkyLightClient) {
  const path = (agentId: number, rest = '') => `/ai-agents/${agentId}${rest}`
  return {
    /** Every agent, most recently updated first (not paginated). */
    list: (o?: CallOptions) => client.page({ method: 'GET', path: '/ai-agents', ...o }, aiAgent),
    get: (agentId: number, o?: CallOptions) => client.data({ method: 'GET', path: path(agentId), ...o }, aiAgent),
    create: (input: AiAgentInput, o?: CallOptions) => client.data({ method: 'POST', path: '/ai-agents', json: input, ...o }, aiAgent),
    update: (agentId: number, changes: Partial<AiAgentInput>, o?: CallOptions) =>
      client.data({ method: 'PUT', path: path(agentId), json: changes, ...o }, aiAgent),
    delete: (agentId: number, o?: CallOptions) => client.send({ method: 'DELETE', path: path(agentId), ...o }),
    /** Makes it the default (the previous default stops being one); repeating it changes nothing. */
    setDefault: (agentId: number, o?: CallOptions) =>
      client.data({ method: 'POST', path: path(agentId, '/set-default'), idempotent: true, ...o }, aiAgent.or(z.unknown().transform(() => null))),
    /** Assigns the agent to these contacts; assigning again has the same effect. */
    assign: (agentId: number, contactIds: number[], o?: CallOptions) =>
      client.data({ method: 'POST', path: path(agentId, '/assign'), json: { contact_ids: contactIds }, idempotent: true, ...o }, assignResult),
  }
}
