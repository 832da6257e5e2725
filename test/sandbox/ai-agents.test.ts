// /ai-agents over HTTP: the docs' object and order, create/update validation, the single
// default, bulk assignment, deletion, and isolation between accounts.
import { describe, expect, it } from 'vitest'
import { call, client, useSandbox } from './helpers'

const sandbox = useSandbox({ seed: 16 })
const DOCS_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000000Z$/

describe('/ai-agents', () => {
  it('lists seeded personas (Arabic and English) most recently updated first, one of them the default', async () => {
    const api = client(sandbox())
    const listed = await api.get('/ai-agents')
    expect(listed.status).toBe(200)
    expect(listed.body.meta).toBeUndefined()
    const agents = listed.body.data
    expect(agents.length).toBeGreaterThanOrEqual(3)
    expect(agents[0]).toEqual({
      id: expect.any(Number),
      name: expect.any(String),
      system_prompt: expect.any(String),
      instruction_prompt: expect.toBeOneOf([null, expect.any(String)]),
      personality_prompt: expect.toBeOneOf([null, expect.any(String)]),
      response_guidelines: expect.any(Object),
      is_active: expect.any(Boolean),
      is_default: expect.any(Boolean),
      created_at: expect.stringMatching(DOCS_TIME),
      updated_at: expect.stringMatching(DOCS_TIME),
    })
    const updated = agents.map((a: { updated_at: string }) => a.updated_at)
    expect(updated).toEqual([...updated].sort().reverse())
    expect(agents.filter((a: { is_default: boolean }) => a.is_default)).toHaveLength(1)
    expect(agents.some((a: { name: string }) => /[\u0600-\u06ff]/.test(a.name))).toBe(true)
  })

  it('creates with every documented field, validates like Laravel, edits, and deletes', async () => {
    const api = client(sandbox())
    expect((await api.post('/ai-agents', {})).body.errors).toEqual({
      name: ['The name field is required.'],
      system_prompt: ['The system prompt field is required.'],
    })
    expect((await api.post('/ai-agents', { name: 'x', system_prompt: 'y', response_guidelines: 'formal' })).status).toBe(422)
    const made = await api.post('/ai-agents', {
      name: 'Support',
      system_prompt: 'Help customers.',
      instruction_prompt: 'Ask for the order number.',
      personality_prompt: '',
      response_guidelines: { language: 'Arabic', tone: 'formal', max_sentences: 3 },
      is_active: false,
    })
    expect(made.status).toBe(201)
    expect(made.body.message).toBe('AI agent created successfully.')
    expect(made.body.data).toMatchObject({
      name: 'Support',
      instruction_prompt: 'Ask for the order number.',
      personality_prompt: null,
      response_guidelines: { language: 'Arabic', tone: 'formal', max_sentences: '3' },
      is_active: false,
      is_default: false,
    })
    const id = made.body.data.id
    const edited = await api.put(`/ai-agents/${id}`, { personality_prompt: 'Calm', is_active: true })
    expect(edited.body.data).toMatchObject({ name: 'Support', personality_prompt: 'Calm', is_active: true })
    expect((await api.get(`/ai-agents/${id}`)).body.data).toEqual(edited.body.data)
    expect((await api.get('/ai-agents')).body.data[0].id).toBe(id)
    expect((await api.del(`/ai-agents/${id}`)).status).toBe(204)
    expect((await api.get(`/ai-agents/${id}`)).body).toEqual({ success: false, message: 'AI agent not found.' })
  })

  it('keeps exactly one default: set-default moves it, and a new contact gets the default agent', async () => {
    const sb = sandbox()
    const api = client(sb)
    const before = (await api.get('/ai-agents')).body.data
    const other = before.find((a: { is_default: boolean }) => !a.is_default)
    const set = await api.post(`/ai-agents/${other.id}/set-default`)
    expect(set.status).toBe(200)
    expect(set.body.data.is_default).toBe(true)
    expect((await api.post(`/ai-agents/${other.id}/set-default`)).status).toBe(200)
    const after = (await api.get('/ai-agents')).body.data
    expect(after.filter((a: { is_default: boolean }) => a.is_default).map((a: { id: number }) => a.id)).toEqual([other.id])

    const contact = await api.post('/contacts', { name: 'New lead', phone: '+966 55 123 4567', type: 'whatsapp' })
    expect(sb.control.dump(sb.accounts[0]!.id).ai_agent_assignments[contact.body.data.id]).toBe(other.id)
  })

  it('bulk-assigns an agent to contacts, refusing unknown ids by position', async () => {
    const sb = sandbox()
    const api = client(sb)
    const agent = (await api.get('/ai-agents')).body.data[0]
    const ids = sb.control.dump(sb.accounts[0]!.id).contacts.slice(0, 5).map((c: { id: number }) => c.id)
    const assigned = await api.post(`/ai-agents/${agent.id}/assign`, { contact_ids: [...ids, ids[0]] })
    expect(assigned.status).toBe(200)
    expect(assigned.body.data).toEqual({ ai_agent_id: agent.id, assigned_count: 5 })
    for (const id of ids) expect(sb.control.dump(sb.accounts[0]!.id).ai_agent_assignments[id]).toBe(agent.id)
    expect((await api.post(`/ai-agents/${agent.id}/assign`, {})).body.errors).toEqual({ contact_ids: ['The contact ids field is required.'] })
    expect((await api.post(`/ai-agents/${agent.id}/assign`, { contact_ids: [ids[0], 99_999_999] })).body.errors).toEqual({
      'contact_ids.1': ['The selected contact_ids.1 is invalid.'],
    })
    expect((await api.post('/ai-agents/99999999/assign', { contact_ids: ids })).status).toBe(404)
  })

  it("does not show, change or assign another account's agents or contacts", async () => {
    const sb = sandbox()
    const mine = client(sb, 0)
    const theirs = client(sb, 1)
    const theirAgent = (await theirs.get('/ai-agents')).body.data[0]
    expect((await mine.get('/ai-agents')).body.data.map((a: { id: number }) => a.id)).not.toContain(theirAgent.id)
    for (const reply of [
      await mine.get(`/ai-agents/${theirAgent.id}`),
      await mine.put(`/ai-agents/${theirAgent.id}`, { name: 'Taken' }),
      await mine.post(`/ai-agents/${theirAgent.id}/set-default`),
      await mine.del(`/ai-agents/${theirAgent.id}`),
    ]) expect(reply.status).toBe(404)
    const myAgent = (await mine.get('/ai-agents')).body.data[0]
    const theirContact = sb.control.dump(sb.accounts[1]!.id).contacts[0]!.id
    expect((await mine.post(`/ai-agents/${myAgent.id}/assign`, { contact_ids: [theirContact] })).status).toBe(422)
    expect((await call(sb, null, 'GET', '/ai-agents')).status).toBe(401)
  })
})
