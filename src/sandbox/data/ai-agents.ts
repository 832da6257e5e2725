// AI agent personas of one account, the default among them, and which agent each contact
// is assigned to (the contact object does not show it; the sandbox keeps it for tests).
import type { Prng } from './prng'
import { DAY, iso } from './time'
import type { World } from './world'

export interface AiAgentRec {
  id: number
  name: string
  systemPrompt: string
  instructionPrompt: string | null
  personalityPrompt: string | null
  responseGuidelines: Record<string, string>
  isActive: boolean
  isDefault: boolean
  createdAt: number
  updatedAt: number
}

export class AiAgentState {
  readonly agents = new Map<number, AiAgentRec>()
  /** contact id → agent id */
  readonly assignment = new Map<number, number>()

  makeDefault(agent: AiAgentRec, now: number): void {
    for (const other of this.agents.values()) {
      if (other.isDefault && other.id !== agent.id) {
        other.isDefault = false
        other.updatedAt = now
      }
    }
    agent.isDefault = true
  }

  /** The docs: the default agent is assigned to every new contact. */
  assignDefault(contactId: number): void {
    for (const agent of this.agents.values()) if (agent.isDefault) this.assignment.set(contactId, agent.id)
  }

  /** Contacts assigned to a deleted agent are left without one. */
  remove(agent: AiAgentRec): void {
    this.agents.delete(agent.id)
    for (const [contactId, agentId] of this.assignment) if (agentId === agent.id) this.assignment.delete(contactId)
  }
}

export function aiAgentJson(a: AiAgentRec) {
  return {
    id: a.id,
    name: a.name,
    system_prompt: a.systemPrompt,
    instruction_prompt: a.instructionPrompt,
    personality_prompt: a.personalityPrompt,
    response_guidelines: { ...a.responseGuidelines },
    is_active: a.isActive,
    is_default: a.isDefault,
    created_at: iso(a.createdAt),
    updated_at: iso(a.updatedAt),
  }
}

/** GET /ai-agents order: most recently updated first. */
export const byRecentUpdate = (a: AiAgentRec, b: AiAgentRec) => b.updatedAt - a.updatedAt || b.id - a.id

const SEEDS = [
  {
    name: 'Sales Assistant',
    systemPrompt: 'You are a knowledgeable sales assistant. Recommend the plan that fits the customer and answer price questions precisely.',
    instructionPrompt: 'Always offer the premium plan first. Keep responses under 3 sentences.',
    personalityPrompt: "Friendly, concise, and professional. Use the customer's first name.",
    responseGuidelines: { language: 'English', tone: 'friendly', max_length: '3 sentences' },
  },
  {
    name: 'مساعد خدمة العملاء',
    systemPrompt: 'أنت مساعد خدمة عملاء. أجب عن أسئلة الطلبات والشحن والاسترجاع بدقة ولطف.',
    instructionPrompt: 'اطلب رقم الطلب قبل الإجابة عن حالة الشحن.',
    personalityPrompt: 'ودود ومهذب، يستخدم العربية الفصحى المبسطة.',
    responseGuidelines: { language: 'Arabic', tone: 'formal', max_length: '4 sentences' },
  },
  {
    name: 'Booking Concierge',
    systemPrompt: 'You help customers book appointments and answer questions about opening hours.',
    instructionPrompt: null,
    personalityPrompt: null,
    responseGuidelines: { language: 'English', tone: 'warm' },
  },
] as const

/** Three personas, the Arabic one the default; the last one inactive. */
export function generateAiAgents(world: World, state: AiAgentState, random: Prng, base: number): void {
  SEEDS.forEach((seed, i) => {
    const createdAt = base - random.int(30, 90) * DAY
    const agent: AiAgentRec = {
      id: world.ids.next('aiAgent'),
      name: seed.name,
      systemPrompt: seed.systemPrompt,
      instructionPrompt: seed.instructionPrompt,
      personalityPrompt: seed.personalityPrompt,
      responseGuidelines: { ...seed.responseGuidelines },
      isActive: i < 2,
      isDefault: i === 1,
      createdAt,
      updatedAt: createdAt + random.int(0, 20) * DAY,
    }
    state.agents.set(agent.id, agent)
  })
}
