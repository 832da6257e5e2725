// A persona's editable fields as the API names them (every field of the docs' object that
// a client may set), and as the store's row names them.
import { z } from 'zod'
import { t } from '../../language'

// The limit's words are made when a value breaks it, in the language the core was told.
const prompt = (tooLong: (p: { max: number }) => string) => z.string().trim().max(10_000, { error: () => tooLong({ max: 10_000 }) })
/** Empty means "none": the API keeps null for an absent prompt. */
const optionalPrompt = (tooLong: (p: { max: number }) => string) => prompt(tooLong).transform((v) => (v === '' ? null : v)).nullable()

export const aiAgentFields = z.object({
  name: z.string().trim().min(1, { error: () => t().agents_give_name() }).max(255, { error: () => t().agents_name_max({ max: 255 }) }),
  system_prompt: prompt((p) => t().agents_system_max(p)).min(1, { error: () => t().agents_write_system() }),
  instruction_prompt: optionalPrompt((p) => t().agents_instructions_max(p)).default(null),
  personality_prompt: optionalPrompt((p) => t().agents_personality_max(p)).default(null),
  /** Formatting rules (language, tone, length…): keys and values as text. */
  response_guidelines: z
    .record(z.string().trim().min(1, { error: () => t().agents_guideline_name_needed() }).max(100), z.string().trim().max(1_000))
    .default({}),
  is_active: z.boolean().default(true),
})
export type AiAgentFields = z.output<typeof aiAgentFields>

export const aiAgentChanges = z
  .object({
    name: aiAgentFields.shape.name,
    system_prompt: aiAgentFields.shape.system_prompt,
    instruction_prompt: optionalPrompt((p) => t().agents_instructions_max(p)),
    personality_prompt: optionalPrompt((p) => t().agents_personality_max(p)),
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
