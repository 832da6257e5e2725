// AI agents are read whole. Local changes the outbox makes before the server does: a
// persona created offline, the default moved, contacts assigned to an agent.
import { and, eq, inArray, ne } from 'drizzle-orm'
import type { AiAgent } from '../../skylight/resources/ai-agents'
import { inTransaction, type StoreDb } from '../db'
import { notFound } from '../errors'
import { withoutPendingDeletes } from '../queries/pending-deletes'
import { aiAgentAssignments, aiAgents } from '../schema/ai-agents'
import { contacts } from '../schema/contacts'
import { epochMs } from '../time'
import { unsettledIds } from '../queries/unsettled-lanes'
import { replaceCollection, type ReplaceResult } from './replace'
import { inIds, upsertRows } from './upsert-rows'

export function aiAgentRow(a: AiAgent) {
  return {
    id: a.id,
    name: a.name,
    systemPrompt: a.system_prompt,
    instructionPrompt: a.instruction_prompt,
    personalityPrompt: a.personality_prompt,
    responseGuidelines: a.response_guidelines,
    isActive: a.is_active,
    isDefault: a.is_default,
    createdAt: a.created_at,
    updatedAt: a.updated_at,
    updatedAtMs: epochMs(a.updated_at, a.created_at),
  } satisfies typeof aiAgents.$inferInsert
}

/**
 * Removing an agent also removes the assignments to it (foreign-key cascade). `sweep: false`
 * when the read may have missed rows: nothing is removed.
 */
export function replaceAiAgents(db: StoreDb, all: readonly AiAgent[], sweep = true): ReplaceResult<number> {
  return inTransaction(db, (tx) =>
    replaceCollection(withoutPendingDeletes(tx, 'ai-agent', all, (a) => a.id).map(aiAgentRow), {
      keyOf: (row) => row.id,
      stored: () => new Map(tx.select().from(aiAgents).all().map((r) => [r.id, r])),
      write: (rows) => upsertRows(tx, aiAgents, rows, aiAgents.id),
      remove: (ids) => tx.delete(aiAgents).where(inArray(aiAgents.id, ids)).run(),
      busy: () => unsettledIds(tx, 'ai-agent'),
    }, sweep),
  )
}

export interface LocalAiAgentInput {
  id: number
  name: string
  systemPrompt: string
  instructionPrompt: string | null
  personalityPrompt: string | null
  responseGuidelines: Record<string, string>
  isActive: boolean
  createdAt: string
}

/** Created offline: not the default until the server says so (set-default is its own action). */
export function insertLocalAiAgent(db: StoreDb, input: LocalAiAgentInput): void {
  db.insert(aiAgents)
    .values({ ...input, isDefault: false, updatedAt: input.createdAt, updatedAtMs: epochMs(input.createdAt), localRevision: 1 })
    .run()
}

/** The server created it: the row (and assignments to it, by cascade) take the server's id. */
export function rekeyAiAgent(db: StoreDb, localId: number, server: AiAgent): void {
  const local = db.select().from(aiAgents).where(eq(aiAgents.id, localId)).get()
  if (!local) return
  if (localId !== server.id) db.delete(aiAgents).where(eq(aiAgents.id, server.id)).run()
  const row = aiAgentRow(server)
  // A default the user moved meanwhile stays as the user left it.
  const fields = local.localRevision <= 1 ? { ...row, isDefault: local.isDefault || row.isDefault } : { id: server.id }
  db.update(aiAgents).set(fields).where(eq(aiAgents.id, localId)).run()
}

/** Writes the server's copy over the local one if nothing else holds it. */
export function saveAiAgentIfUnheld(db: StoreDb, server: AiAgent): void {
  db.update(aiAgents)
    .set(aiAgentRow(server))
    .where(and(eq(aiAgents.id, server.id), eq(aiAgents.localRevision, 0)))
    .run()
}

/** Makes `id` the only default; returns which agent was the default before (to put back). */
export function setDefaultAiAgent(db: StoreDb, id: number): number | null {
  if (!db.select({ id: aiAgents.id }).from(aiAgents).where(eq(aiAgents.id, id)).get()) throw notFound({ kind: 'ai-agent', id: id })
  const previous = db.select({ id: aiAgents.id }).from(aiAgents).where(eq(aiAgents.isDefault, true)).get()?.id ?? null
  db.update(aiAgents).set({ isDefault: false }).where(and(eq(aiAgents.isDefault, true), ne(aiAgents.id, id))).run()
  db.update(aiAgents).set({ isDefault: true }).where(eq(aiAgents.id, id)).run()
  return previous
}

/** Puts the default back where it was before a failed or discarded set-default. */
export function restoreDefaultAiAgent(db: StoreDb, previous: number | null): void {
  db.update(aiAgents).set({ isDefault: false }).where(eq(aiAgents.isDefault, true)).run()
  if (previous !== null) db.update(aiAgents).set({ isDefault: true }).where(eq(aiAgents.id, previous)).run()
}

export interface PriorAssignment {
  contactId: number
  agentId: number | null
  assignedAt?: string | null
}

/**
 * Assigns the agent to the contacts the local copy has (others are the server's business);
 * returns each contact's agent before, so a failed assignment can be undone exactly.
 */
export function assignAiAgent(db: StoreDb, agentId: number, contactIds: readonly number[], at: string): PriorAssignment[] {
  if (!db.select({ id: aiAgents.id }).from(aiAgents).where(eq(aiAgents.id, agentId)).get()) throw notFound({ kind: 'ai-agent', id: agentId })
  const known = db.select({ id: contacts.id }).from(contacts).where(inIds(contacts.id, [...contactIds])).all().map((r) => r.id)
  const before = new Map(
    db.select().from(aiAgentAssignments).where(inIds(aiAgentAssignments.contactId, known)).all().map((r) => [r.contactId, r]),
  )
  upsertRows(db, aiAgentAssignments, known.map((contactId) => ({ contactId, agentId, assignedAt: at })), aiAgentAssignments.contactId)
  return known.map((contactId) => ({ contactId, agentId: before.get(contactId)?.agentId ?? null, assignedAt: before.get(contactId)?.assignedAt ?? null }))
}

export function restoreAssignments(db: StoreDb, prior: readonly PriorAssignment[], at: string): void {
  // Every contact of the assignment goes back to its earlier agent, or to none (also when that agent is gone meanwhile).
  const touched = prior.map((p) => p.contactId)
  if (touched.length > 0) db.delete(aiAgentAssignments).where(inIds(aiAgentAssignments.contactId, touched)).run()
  const agents = new Set(db.select({ id: aiAgents.id }).from(aiAgents).all().map((r) => r.id))
  const back = prior.filter((p): p is PriorAssignment & { agentId: number } => p.agentId !== null && agents.has(p.agentId))
  if (back.length > 0) {
    upsertRows(db, aiAgentAssignments, back.map((p) => ({ contactId: p.contactId, agentId: p.agentId, assignedAt: p.assignedAt ?? at })), aiAgentAssignments.contactId)
  }
}
