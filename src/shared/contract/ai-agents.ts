// AI agents: the list (default first), one persona in full, its edits (queued, carried out
// when online), and bulk assignment of an agent to contacts chosen in the contacts view.
import { z } from 'zod'
import { contactFilter } from './contacts'
import { method } from './define'

const id = z.number().int()
/** An agent made offline has a local (negative) id until the server gives it one. */
const agentRef = z.union([id, z.string().regex(/^-?\d+$/).transform(Number)])
const queued = z.object({ actionId: z.string() })

export const aiAgentItem = z.object({
  id: z.number(),
  name: z.string(),
  isActive: z.boolean(),
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
  assignedCount: z.number(),
  pending: z.boolean(),
})
export type AiAgentItem = z.output<typeof aiAgentItem>

export const aiAgentDetail = aiAgentItem.extend({
  systemPrompt: z.string(),
  instructionPrompt: z.string().nullable(),
  personalityPrompt: z.string().nullable(),
  responseGuidelines: z.record(z.string(), z.string()),
  createdAt: z.string().nullable(),
})
export type AiAgentDetail = z.output<typeof aiAgentDetail>

const prompt = z.string().max(10_000)
export const aiAgentInput = z.object({
  name: z.string().trim().min(1).max(255),
  systemPrompt: prompt.trim().min(1),
  instructionPrompt: prompt.nullable().optional(),
  personalityPrompt: prompt.nullable().optional(),
  responseGuidelines: z.record(z.string().trim().min(1).max(100), z.string().max(1_000)).refine((r) => Object.keys(r).length <= 50).optional(),
  isActive: z.boolean().optional(),
})
export type AiAgentInput = z.output<typeof aiAgentInput>

export const aiAgentMethods = {
  'ai-agents-list': method(z.object({}).strict(), z.object({ items: z.array(aiAgentItem) })),
  'ai-agent-get': method(z.object({ id: agentRef }).strict(), aiAgentDetail),
  'ai-agent-create': method(aiAgentInput.strict(), queued.extend({ localId: z.number() })),
  'ai-agent-update': method(z.object({ id: agentRef, changes: aiAgentInput.partial().strict() }).strict(), queued),
  'ai-agent-delete': method(z.object({ id: agentRef }).strict(), queued),
  'ai-agent-set-default': method(z.object({ id: agentRef }).strict(), queued),
  /** The contacts chosen by id, or every contact matching a filter of the contacts view. */
  'ai-agent-assign': method(
    z
      .object({ id: agentRef, contactIds: z.array(id).min(1).max(100_000).optional(), filter: contactFilter.optional() })
      .strict()
      .refine((i) => (i.contactIds === undefined) !== (i.filter === undefined), 'Give either contactIds or filter.'),
    queued.extend({ count: z.number() }),
  ),
  /** The agent assigned (from this app) to each of these contacts; contacts without one are left out. */
  'contact-agents': method(
    z.object({ contactIds: z.array(id).max(5_000) }).strict(),
    z.object({ items: z.array(z.object({ contactId: z.number(), agentId: z.number(), agentName: z.string() })) }),
  ),
}
