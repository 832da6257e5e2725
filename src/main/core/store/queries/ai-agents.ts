// AI agents as the view lists them (default first, then most recently updated), one agent
// in full, and the agent each of some contacts was assigned here.
import { count, desc, eq } from 'drizzle-orm'
import type { StoreDb } from '../db'
import { notFound } from '../errors'
import { aiAgentAssignments, aiAgents } from '../schema/ai-agents'
import { inIds } from '../writes/upsert-rows'

export interface AiAgentItem {
  id: number
  name: string
  isActive: boolean
  isDefault: boolean
  updatedAt: string | null
  /** Contacts assigned to it from this app. */
  assignedCount: number
  /** A queued change is not yet carried out. */
  pending: boolean
}

export interface AiAgentDetail extends AiAgentItem {
  systemPrompt: string
  instructionPrompt: string | null
  personalityPrompt: string | null
  responseGuidelines: Record<string, string>
  createdAt: string | null
}

type Row = typeof aiAgents.$inferSelect

function toDetail(row: Row, assignedCount: number): AiAgentDetail {
  return {
    id: row.id,
    name: row.name,
    isActive: row.isActive,
    isDefault: row.isDefault,
    updatedAt: row.updatedAt,
    assignedCount,
    pending: row.localRevision > 0,
    systemPrompt: row.systemPrompt,
    instructionPrompt: row.instructionPrompt,
    personalityPrompt: row.personalityPrompt,
    responseGuidelines: row.responseGuidelines,
    createdAt: row.createdAt,
  }
}

function assignedCounts(db: StoreDb): Map<number, number> {
  return new Map(
    db.select({ agentId: aiAgentAssignments.agentId, n: count() }).from(aiAgentAssignments).groupBy(aiAgentAssignments.agentId).all().map((r) => [r.agentId, r.n]),
  )
}

export function aiAgentList(db: StoreDb): AiAgentItem[] {
  const counts = assignedCounts(db)
  return db
    .select()
    .from(aiAgents)
    .orderBy(desc(aiAgents.isDefault), desc(aiAgents.updatedAtMs), desc(aiAgents.id))
    .all()
    .map((row) => {
      const { systemPrompt: _s, instructionPrompt: _i, personalityPrompt: _p, responseGuidelines: _r, createdAt: _c, ...item } = toDetail(row, counts.get(row.id) ?? 0)
      return item
    })
}

export function getAiAgent(db: StoreDb, id: number): AiAgentDetail {
  const row = db.select().from(aiAgents).where(eq(aiAgents.id, id)).get()
  if (!row) throw notFound({ kind: 'ai-agent', id: id })
  return toDetail(row, assignedCounts(db).get(id) ?? 0)
}

/** The agent assigned to each of these contacts (contacts without one are left out). */
export function contactAgents(db: StoreDb, contactIds: readonly number[]): { contactId: number; agentId: number; agentName: string }[] {
  if (contactIds.length === 0) return []
  return db
    .select({ contactId: aiAgentAssignments.contactId, agentId: aiAgents.id, agentName: aiAgents.name })
    .from(aiAgentAssignments)
    .innerJoin(aiAgents, eq(aiAgents.id, aiAgentAssignments.agentId))
    .where(inIds(aiAgentAssignments.contactId, contactIds))
    .all()
}
