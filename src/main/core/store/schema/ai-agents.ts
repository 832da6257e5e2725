// AI agent personas (re-read whole), and which agent each contact was assigned here. The
// contact object does not show its agent, so assignments are what this app queued: a
// contact shows the agent the user last assigned it, until the agent or contact is gone.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { localRevision } from './columns'
import { contacts } from './contacts'
import { localEntity } from './entity'

export const aiAgents = sqliteTable(
  'ai_agents',
  {
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
    systemPrompt: text('system_prompt').notNull(),
    instructionPrompt: text('instruction_prompt'),
    personalityPrompt: text('personality_prompt'),
    responseGuidelines: text('response_guidelines', { mode: 'json' }).$type<Record<string, string>>().notNull(),
    isActive: integer('is_active', { mode: 'boolean' }).notNull(),
    isDefault: integer('is_default', { mode: 'boolean' }).notNull(),
    createdAt: text('created_at'),
    updatedAt: text('updated_at'),
    updatedAtMs: integer('updated_at_ms').notNull().default(0),
    localRevision: localRevision(),
  },
  (t) => [index('ai_agents_recent_idx').on(t.updatedAtMs, t.id)],
)

export const aiAgentAssignments = sqliteTable(
  'ai_agent_assignments',
  {
    contactId: integer('contact_id')
      .primaryKey()
      .references(() => contacts.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    agentId: integer('agent_id')
      .notNull()
      .references(() => aiAgents.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    assignedAt: text('assigned_at').notNull(),
  },
  (t) => [index('ai_agent_assignments_agent_idx').on(t.agentId)],
)

export const aiAgentEntity = localEntity({ name: 'ai-agent', noun: 'AI agent', table: aiAgents, key: aiAgents.id, revision: aiAgents.localRevision, label: aiAgents.name, refKeys: ['agentId'] })
