// A persona's editable fields as the API names them (every field of the docs' object that
// a client may set), and as the store's row names them.
import { z } from 'zod'

const prompt = (what: string) => z.string().trim().max(10_000, `${what} can be at most 10,000 characters.`)
/** Empty means "none": the API keeps null for an absent prompt. */
const optionalPrompt = (what: string) => prompt(what).transform((v) => (v === '' ? null : v)).nullable()

export const aiAgentFields = z.object({
  name: z.string().trim().min(1, 'Give the agent a name.').max(255, 'A name can be at most 255 characters.'),
  system_prompt: prompt('The system prompt').min(1, 'Write the system prompt: it is what the agent is told first.'),
  instruction_prompt: optionalPrompt('The instructions').default(null),
  personality_prompt: optionalPrompt('The personality').default(null),
  /** Formatting rules (language, tone, length…): keys and values as text. */
  response_guidelines: z
    .record(z.string().trim().min(1, 'A guideline needs a name.').max(100), z.string().trim().max(1_000))
    .default({}),
  is_active: z.boolean().default(true),
})
export type AiAgentFields = z.output<typeof aiAgentFields>

export const aiAgentChanges = z
  .object({
    name: aiAgentFields.shape.name,
    system_prompt: aiAgentFields.shape.system_prompt,
    instruction_prompt: optionalPrompt('The instructions'),
    personality_prompt: optionalPrompt('The personality'),
    response_guidelines: aiAgentFields.shape.response_guidelines.unwrap(),
    is_active: z.boolean(),
  })
  .partial()
export type AiAgentChanges = z.output<typeof aiAgentChanges>

/** API field names → the store row's. */
export function aiAgentRowFields(changes: AiAgentChanges) {
  return {
    name: changes.name,
    systemPrompt: changes.system_prompt,
    instructionPrompt: changes.instruction_prompt,
    personalityPrompt: changes.personality_prompt,
    responseGuidelines: changes.response_guidelines,
    isActive: changes.is_active,
  }
}
