// @vitest-environment jsdom
// The knowledge base and voice views' state: what they send to the core (checked against
// the contract's input schemas) and what they do offline.
import { beforeEach, describe, expect, it } from 'vitest'
import { methods } from '../../shared/contract'
import { checkKbDrop } from '../src/lib/kb-upload-rules'
import { KnowledgeBaseState } from '../src/lib/state/knowledge-base.svelte'
import { needsConnection, VoiceState } from '../src/lib/state/voice.svelte'
import { installFakeDesk, settle, type FakeDesk } from './fake-desk'

let desk: FakeDesk
let online = true
const entry = (id: number, fields: Record<string, unknown> = {}) =>
  methods['kb-get'].output.parse({
    id, title: `Entry ${id}`, type: 'text', status: 'active', description: null, error: null, fileSize: null, contentLength: 10, productsCount: null,
    fileName: null, url: null, embeddingUpdatedAt: '2026-12-01T00:00:00Z', createdAt: null, pending: false, businessDescription: null,
    crawlStatus: null, content: 'Old text', products: [], updatedAt: null, ...fields,
  })

beforeEach(() => {
  online = true
  desk = installFakeDesk({
    'kb-list': () => ({ items: [] }),
    'kb-get': ({ id }: { id: number }) => entry(id),
    'kb-fetch': ({ id }: { id: number }) => entry(id, { content: 'Fresh text' }),
    'kb-update': () => ({ actionId: '1' }),
    'kb-catalog-preview': () => ({ products: [{ name: 'Tea', price: 12, currency: 'SAR', sku: null, description: null }], problems: [{ row: 2, reason: 'It has no name.' }] }),
    'kb-catalog-create': () => ({ actionId: '2', localId: -3 }),
    'voice-get': () => methods['voice-get'].output.parse({ enabled: true, voiceConfigured: true, hasClonedVoice: true, voiceName: 'Layla', language: 'ar', dialect: 'ksa', voicePreloadedAt: null, usesOwnKey: false, ownKey: null, pending: false, dialects: [] }),
    'voice-set-key': () => methods['voice-get'].output.parse({ enabled: true, voiceConfigured: true, hasClonedVoice: true, voiceName: 'Layla', language: 'ar', dialect: 'ksa', voicePreloadedAt: null, usesOwnKey: true, ownKey: { ending: '3456' }, pending: false, dialects: [] }),
  })
})

describe('KnowledgeBaseState', () => {
  it('refuses a dropped file by type or size before it is sent, with the reason', () => {
    expect(checkKbDrop('a.exe', 10)).toMatchObject({ ok: false, reason: expect.stringMatching(/documents \(pdf, docx, xlsx, txt, csv\) and audio/) })
    expect(checkKbDrop('talk.mp3', 26 * 1024 * 1024)).toMatchObject({ ok: false, reason: expect.stringMatching(/audio up to 25 MB/) })
    expect(checkKbDrop('Menu.pdf', 1000)).toEqual({ ok: true })
  })

  it('opens an entry with its full text online, and sends only the changed fields, flagging a text change', async () => {
    const kb = new KnowledgeBaseState(() => 'acc', () => online)
    await kb.open(5)
    expect(kb.content).toBe('Fresh text')
    expect(kb.contentChanged).toBe(false)
    kb.content = 'New text'
    expect(kb.contentChanged).toBe(true)
    await kb.saveEdits()
    const sent = desk.calls.find((c) => c.method === 'kb-update')!.input
    expect(methods['kb-update'].input.parse(sent)).toEqual({ id: 5, changes: { content: 'New text' } })
  })

  it('keeps a new website form as the user fills it when the entry opened before it is read late', async () => {
    let answer: (value: unknown) => void = () => {}
    desk.handle('kb-get', () => new Promise((resolve) => (answer = resolve)))
    const kb = new KnowledgeBaseState(() => 'acc', () => online)
    const opening = kb.open(-2)
    kb.startWebsite()
    kb.url = 'https://gone.invalid/'
    answer(entry(-2, { title: 'shop.example', type: 'website', url: 'https://shop.example/' }))
    await opening
    expect([kb.mode, kb.title, kb.url, kb.detail]).toEqual(['website', '', 'https://gone.invalid/', null])
  })

  it('offline, opens the copy kept by sync without asking SkyLight', async () => {
    online = false
    const kb = new KnowledgeBaseState(() => 'acc', () => online)
    await kb.open(5)
    expect(kb.content).toBe('Old text')
    expect(desk.calls.some((c) => c.method === 'kb-fetch')).toBe(false)
  })

  it('previews a catalog with the rows left out, then sends the products', async () => {
    const kb = new KnowledgeBaseState(() => 'acc', () => online)
    await kb.previewCatalog(new File(['name,price\nTea,12\n,3\n'], 'teas.csv'))
    expect(kb.catalog).toMatchObject({ title: 'teas', products: [{ name: 'Tea' }], problems: [{ row: 2 }] })
    expect(await kb.sendCatalog()).toBe(true)
    const sent = desk.calls.find((c) => c.method === 'kb-catalog-create')!.input
    expect(methods['kb-catalog-create'].input.parse(sent)).toMatchObject({ title: 'teas', products: [{ name: 'Tea', price: 12 }] })
    expect(kb.catalog).toBeNull()
  })
})

describe('VoiceState', () => {
  it('hands a typed key to the core and forgets it, offline too; TTS and testing need a connection', async () => {
    const voice = new VoiceState(() => 'acc', () => online)
    await voice.load()
    voice.key = 'sk_provider_123456'
    await voice.setKey(true)
    expect(desk.calls.at(-1)).toEqual({ method: 'voice-set-key', input: { key: 'sk_provider_123456' } })
    expect(voice.key).toBe('')
    expect(voice.voice?.usesOwnKey).toBe(true)
    expect(voice.voice?.ownKey).toEqual({ ending: '3456' })
    online = false
    // The key is queued like the settings: offline it is saved, and SkyLight gets it later.
    voice.key = 'sk_provider_654321'
    await voice.setKey(true)
    expect(desk.calls.at(-1)).toEqual({ method: 'voice-set-key', input: { key: 'sk_provider_654321' } })
    expect(voice.message).toMatch(/keychain\. SkyLight gets it as soon as you are online/)
    voice.text = 'مرحبا'
    const before = desk.calls.length
    await voice.speak()
    await voice.testConnection()
    expect(desk.calls.length).toBe(before)
    expect(voice.message).toBe(needsConnection())
    await settle()
  })
})
