// @vitest-environment jsdom
// The AI agents view's state and the contacts view's selection: what they send to the core
// and what they make of its answers (shaped by the contract's own output schemas).
import { beforeEach, describe, expect, it } from 'vitest'
import { methods } from '../../shared/contract'
import { AiAgentsState } from '../src/lib/state/ai-agents.svelte'
import { ContactSelectionState } from '../src/lib/state/contact-selection.svelte'
import { installFakeDesk, type FakeDesk } from './fake-desk'

let desk: FakeDesk
const item = (id: number, fields: Record<string, unknown> = {}) =>
  methods['ai-agents-list'].output.shape.items.element.parse({
    id, name: `Agent ${id}`, isActive: true, isDefault: false, updatedAt: null, assignedCount: 0, pending: false, ...fields,
  })
const detail = (id: number, fields: Record<string, unknown> = {}) =>
  methods['ai-agent-get'].output.parse({
    ...item(id), systemPrompt: 'Be brief.', instructionPrompt: null, personalityPrompt: null,
    responseGuidelines: { language: 'Arabic' }, createdAt: null, ...fields,
  })

beforeEach(() => {
  desk = installFakeDesk({
    'ai-agents-list': () => ({ items: [item(1, { isDefault: true }), item(2), item(-1, { name: 'New', pending: true })] }),
    'ai-agent-get': ({ id }: { id: number }) => detail(id, id === 1 ? { isDefault: true } : {}),
    'ai-agent-create': () => ({ actionId: '7', localId: -1 }),
    'ai-agent-update': () => ({ actionId: '8' }),
    'ai-agent-set-default': () => ({ actionId: '9' }),
    'ai-agent-delete': () => ({ actionId: '10' }),
    'ai-agent-assign': ({ contactIds }: { contactIds?: number[] }) => ({ actionId: '11', count: contactIds?.length ?? 40 }),
  })
})

describe('AiAgentsState', () => {
  it('refuses a persona without name or system prompt, or with unnamed or repeated guidelines', () => {
    const agents = new AiAgentsState()
    agents.startNew()
    expect(agents.guidelines.map((g) => g.key)).toEqual(['language', 'tone', 'max_length'])
    expect(agents.validate()).toBe(false)
    expect(Object.keys(agents.errors).sort()).toEqual(['name', 'systemPrompt'])
    agents.name = 'Support'
    agents.systemPrompt = 'Help.'
    agents.guidelines = [{ key: '', value: 'formal' }]
    expect(agents.validate()).toBe(false)
    expect(agents.errors.guidelines).toMatch(/needs a name/)
    agents.guidelines = [{ key: 'tone', value: 'a' }, { key: 'tone', value: 'b' }]
    expect(agents.validate()).toBe(false)
  })

  it('creates with every field in the contract’s names, leaving out empty guidelines', async () => {
    const agents = new AiAgentsState()
    agents.startNew()
    agents.name = ' وكيل '
    agents.systemPrompt = 'أنت مساعد.'
    agents.personalityPrompt = 'ودود'
    agents.guidelines = [{ key: 'language', value: 'Arabic' }, { key: 'tone', value: '' }]
    agents.isActive = false
    expect(await agents.save()).toBe(-1)
    const sent = desk.calls.find((c) => c.method === 'ai-agent-create')!.input
    expect(methods['ai-agent-create'].input.parse(sent)).toEqual({
      name: 'وكيل', systemPrompt: 'أنت مساعد.', instructionPrompt: null, personalityPrompt: 'ودود', responseGuidelines: { language: 'Arabic' }, isActive: false,
    })
    expect(agents.selectedId).toBe(-1)
    expect(agents.creating).toBe(false)
  })

  it('deleting the default makes the chosen agent default first, then deletes', async () => {
    const agents = new AiAgentsState()
    await agents.reload()
    expect(agents.defaultAgent?.id).toBe(1)
    await agents.open(1)
    await agents.remove(1, 2)
    expect(desk.calls.filter((c) => c.method.startsWith('ai-agent-') && c.method !== 'ai-agent-get').map((c) => [c.method, c.input])).toEqual([
      ['ai-agent-set-default', { id: 2 }],
      ['ai-agent-delete', { id: 1 }],
    ])
    expect(agents.detail).toBeNull()
  })
})

describe('ContactSelectionState', () => {
  it('toggles with Ctrl, takes ranges with Shift, and assigns the chosen ids in one call', async () => {
    const selection = new ContactSelectionState()
    const ids = [10, 11, 12, 13, 14]
    selection.toggle(11, 1)
    selection.extend(3, ids)
    expect([...selection.ids].sort()).toEqual([11, 12, 13])
    selection.toggle(12, 2)
    expect(selection.count(99)).toBe(2)
    expect(await selection.assign(2, 'Agent 2', 99)).toBe(true)
    expect(desk.calls.at(-1)).toEqual({ method: 'ai-agent-assign', input: { id: 2, contactIds: [11, 13] } })
    expect(selection.message).toBe('“Agent 2” assigned to 2 contacts.')
    expect(selection.count(99)).toBe(0)
  })

  it('"select all matching" sends the filter, so contacts not yet scrolled into view are included', async () => {
    const selection = new ContactSelectionState()
    selection.selectAllMatching({ type: 'whatsapp', tag: 'vip' })
    expect(selection.count(40)).toBe(40)
    expect(selection.has(12345)).toBe(true)
    await selection.assign(1, 'Agent 1', 40)
    const sent = desk.calls.at(-1)!.input
    expect(methods['ai-agent-assign'].input.parse(sent)).toEqual({ id: 1, filter: { type: 'whatsapp', tag: 'vip' } })
  })

  it('ends "all matching" when the filter shown changes, so the count and the action agree', () => {
    const selection = new ContactSelectionState()
    selection.selectAllMatching({ type: 'whatsapp' })
    selection.filterChanged({ type: 'whatsapp' })
    expect(selection.allMatching).toBe(true)
    selection.filterChanged({ type: 'telegram' })
    expect(selection.allMatching).toBe(false)
    expect(selection.count(40)).toBe(0)
  })

  it('says why an assignment was refused and keeps the selection', async () => {
    desk.fail('ai-agent-assign', { type: 'not-found', message: 'AI agent 5 is not in the local copy.' })
    const selection = new ContactSelectionState()
    selection.toggle(10, 0)
    expect(await selection.assign(5, 'Gone', 10)).toBe(false)
    expect(selection.message).toBeTruthy()
    expect(selection.count(10)).toBe(1)
  })
})
