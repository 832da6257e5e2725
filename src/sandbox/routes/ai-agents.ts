// /ai-agents: personas CRUD (list ordered by most recently updated, not paginated), the one
// default agent, and bulk assignment of an agent to contacts.
// Undocumented readings: prompts up to 10,000 characters; setting is_default on create or
// update makes that agent the default (as set-default does); deleting the default leaves
// the account without one; assign takes `contact_ids` (1 to 1,000 ids of the account).
import { z } from 'zod'
import { aiAgentJson, byRecentUpdate, type AiAgentRec } from '../data/ai-agents'
import { notFound, ok, validationFailed } from '../http/respond'
import type { RouteContext, Router } from '../http/router'
import { boolean, integerArray, nullableString, requiredString, validate } from '../http/validate'
import { crudRoutes } from './crud'
import { param } from './lookup'

const PROMPT_MAX = 10_000
const MAX_ASSIGN = 1_000

/** Key/value formatting rules; numbers and booleans are kept as their text. */
const guidelines = z
  .record(z.string(), z.union([z.string(), z.number(), z.boolean()]).transform(String), {
    error: 'The response guidelines field must be an object of key/value pairs.',
  })
  .nullable()
  .optional()

const fields = {
  name: requiredString('name'),
  system_prompt: requiredString('system_prompt', PROMPT_MAX),
  instruction_prompt: nullableString('instruction_prompt', PROMPT_MAX),
  personality_prompt: nullableString('personality_prompt', PROMPT_MAX),
  response_guidelines: guidelines,
  is_active: boolean('is_active').optional(),
  is_default: boolean('is_default').optional(),
}
const createAgent = z.object(fields)
const updateAgent = z.object({ ...fields, name: fields.name.optional(), system_prompt: fields.system_prompt.optional() })
const assignBody = z.object({ contact_ids: integerArray('contact_ids') })

function findAgent(ctx: RouteContext): AiAgentRec {
  const agent = ctx.store.ai.agents.get(param(ctx.params, 'id'))
  if (!agent) throw notFound('AI agent')
  return agent
}

export function aiAgentRoutes(router: Router): void {
  crudRoutes(router, {
    path: '/ai-agents',
    label: 'AI agent',
    idKind: 'aiAgent',
    records: (store) => store.ai.agents,
    json: aiAgentJson,
    list: { pages: 'whole', order: byRecentUpdate },
    create: {
      schema: createAgent,
      build: (input, base, { store, now }) => {
        const agent: AiAgentRec = {
          id: base.id,
          name: input.name,
          systemPrompt: input.system_prompt,
          instructionPrompt: input.instruction_prompt ?? null,
          personalityPrompt: input.personality_prompt ?? null,
          responseGuidelines: input.response_guidelines ?? {},
          isActive: input.is_active ?? true,
          isDefault: false,
          createdAt: base.createdAt,
          updatedAt: base.updatedAt,
        }
        if (input.is_default) store.ai.makeDefault(agent, now)
        return agent
      },
    },
    update: {
      schema: updateAgent,
      apply: (agent, input, { store, now }) => {
        if (input.name !== undefined) agent.name = input.name
        if (input.system_prompt !== undefined) agent.systemPrompt = input.system_prompt
        if (input.instruction_prompt !== undefined) agent.instructionPrompt = input.instruction_prompt
        if (input.personality_prompt !== undefined) agent.personalityPrompt = input.personality_prompt
        if (input.response_guidelines !== undefined) agent.responseGuidelines = input.response_guidelines ?? {}
        if (input.is_active !== undefined) agent.isActive = input.is_active
        if (input.is_default === true) store.ai.makeDefault(agent, now)
        else if (input.is_default === false) agent.isDefault = false
      },
    },
    remove: (agent, store) => store.ai.remove(agent),
  })

  router.post('/ai-agents/{id}/set-default', (ctx) => {
    const agent = findAgent(ctx)
    ctx.store.ai.makeDefault(agent, ctx.now)
    agent.updatedAt = ctx.now
    return ok(aiAgentJson(agent), 'AI agent set as default.')
  })

  router.post('/ai-agents/{id}/assign', (ctx) => {
    const agent = findAgent(ctx)
    const ids = [...new Set(validate(assignBody, ctx.body).contact_ids ?? [])]
    if (ids.length === 0) throw validationFailed({ contact_ids: ['The contact ids field is required.'] })
    if (ids.length > MAX_ASSIGN) throw validationFailed({ contact_ids: [`The contact ids field must not have more than ${MAX_ASSIGN} items.`] })
    const errors: Record<string, string[]> = {}
    ids.forEach((id, i) => {
      if (!ctx.store.contacts.has(id)) errors[`contact_ids.${i}`] = [`The selected contact_ids.${i} is invalid.`]
    })
    if (Object.keys(errors).length > 0) throw validationFailed(errors)
    for (const id of ids) ctx.store.ai.assignment.set(id, agent.id)
    return ok({ ai_agent_id: agent.id, assigned_count: ids.length }, `AI agent assigned to ${ids.length} contacts.`)
  })
}
