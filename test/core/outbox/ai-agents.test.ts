// AI agents end to end over HTTP: a persona created offline, made the default and assigned
// to 50 contacts before it exists on the server; the local copy shows it all at once, and
// the server ends with one agent, one default and the assignments. Refusals undo exactly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { aiAgentList, contactAgents, contactIdsMatching, getAiAgent } from '../../../src/main/core/store'
import { syncedWorld, type World } from '../../conformance/world'

let w: World
beforeAll(async () => {
  w = await syncedWorld(1616)
})
afterAll(async () => {
  await w.close()
})

const db = () => w.store.db
const defaults = () => aiAgentList(db()).filter((a) => a.isDefault)

describe('AI agents', () => {
  it('lists the synced agents with the default first, every documented field kept', () => {
    const list = aiAgentList(db())
    expect(list.length).toBe(w.dump().ai_agents.length)
    expect(list[0]!.isDefault).toBe(true)
    const server = w.dump().ai_agents.find((a) => a.is_default)!
    expect(getAiAgent(db(), server.id)).toMatchObject({
      name: server.name,
      systemPrompt: server.system_prompt,
      instructionPrompt: server.instruction_prompt,
      personalityPrompt: server.personality_prompt,
      responseGuidelines: server.response_guidelines,
      isActive: server.is_active,
    })
  })

  it('creates, makes default and assigns every matching contact offline, then carries it out once, in order', async () => {
    const outbox = w.outbox()
    const { localId } = outbox.queue('create-ai-agent', {
      name: 'وكيل المبيعات',
      system_prompt: 'أنت مساعد مبيعات.',
      personality_prompt: 'ودود',
      response_guidelines: { language: 'Arabic', tone: 'formal' },
    })
    expect(localId).toBeLessThan(0)
    outbox.queue('set-default-ai-agent', { agentId: localId })
    // "Select all matching the filter": every contact of this small account (40).
    const chosen = contactIdsMatching(db(), {})
    expect(chosen.length).toBeGreaterThanOrEqual(40)
    outbox.queue('assign-ai-agent', { agentId: localId, contact_ids: chosen })

    // Shown at once, before anything is sent.
    expect(defaults().map((a) => a.id)).toEqual([localId])
    expect(defaults()[0]!.pending).toBe(true)
    expect(contactAgents(db(), chosen).every((c) => c.agentId === localId && c.agentName === 'وكيل المبيعات')).toBe(true)

    outbox.start()
    await w.drained(outbox)
    expect(outbox.counts().failed).toBe(0)

    const server = w.dump().ai_agents.filter((a) => a.name === 'وكيل المبيعات')
    expect(server).toHaveLength(1)
    expect(server[0]!.is_default).toBe(true)
    expect(w.dump().ai_agents.filter((a) => a.is_default)).toHaveLength(1)
    for (const id of chosen) expect(w.dump().ai_agent_assignments[id]).toBe(server[0]!.id)

    // The local row took the server's id; assignments followed it.
    expect(defaults().map((a) => a.id)).toEqual([server[0]!.id])
    expect(getAiAgent(db(), server[0]!.id).assignedCount).toBe(chosen.length)
    await w.sync.syncNow('refresh')
    expect(defaults().map((a) => a.id)).toEqual([server[0]!.id])
    expect(getAiAgent(db(), server[0]!.id)).toMatchObject({ pending: false, personalityPrompt: 'ودود' })
  })

  it('puts the assignments back exactly when SkyLight refuses them', async () => {
    const outbox = w.outbox()
    const agent = aiAgentList(db()).find((a) => !a.isDefault)!
    const contacts = contactIdsMatching(db(), {}).slice(0, 3)
    const before = contactAgents(db(), contacts)
    await w.sandbox.control.setFaults({ rules: [{ method: 'POST', path: `/ai-agents/${agent.id}/assign`, kind: 'status', status: 422, times: 1 }] })
    outbox.queue('assign-ai-agent', { agentId: agent.id, contact_ids: contacts })
    expect(contactAgents(db(), contacts).every((c) => c.agentId === agent.id)).toBe(true)
    outbox.start()
    await w.drained(outbox)
    expect(outbox.counts().failed).toBe(1)
    expect(contactAgents(db(), contacts)).toEqual(before)
  })

  it('deleting the default leaves the account without one until another is chosen', async () => {
    const outbox = w.outbox()
    const current = defaults()[0]!
    outbox.queue('delete-ai-agent', { agentId: current.id })
    expect(defaults()).toEqual([])
    outbox.start()
    await w.drained(outbox)
    expect(w.dump().ai_agents.some((a) => a.id === current.id)).toBe(false)
    expect(w.dump().ai_agents.filter((a) => a.is_default)).toEqual([])
    await w.sync.syncNow('refresh')
    expect(defaults()).toEqual([])
  })
})
