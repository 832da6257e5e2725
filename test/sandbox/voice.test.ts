// /voice over HTTP: the settings singleton as the docs show it, dialects, a provider key
// that is taken but never shown back, cloning from a checked sample, preload, TTS with a
// public audio URL, deleting the voice, and isolation between accounts.
import { describe, expect, it } from 'vitest'
import type { Sandbox } from '../../src/sandbox'
import { client, useSandbox } from './helpers'

const sandbox = useSandbox({ seed: 18 })

function clone(sb: Sandbox, key: string, bytes: Uint8Array, fileName: string, name?: string) {
  const form = new FormData()
  form.append('file', new Blob([bytes]), fileName)
  if (name) form.append('name', name)
  return fetch(`${sb.apiUrl}/voice/clone`, { method: 'POST', headers: { 'X-Api-Key': key }, body: form }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }))
}

describe('/voice', () => {
  it('answers the settings object of the docs, and the dialects to choose from', async () => {
    const api = client(sandbox())
    const settings = await api.get('/voice')
    expect(settings.body.data).toEqual({
      enabled: true, voice_configured: true, has_cloned_voice: true, voice_id: expect.any(String), voice_name: 'ليلى - خدمة العملاء',
      language: 'ar', dialect: 'ksa', voice_preloaded_at: expect.any(String), uses_own_key: false,
    })
    const dialects = (await api.get('/voice/dialects')).body.data
    expect(dialects.map((d: { code: string }) => d.code)).toEqual(expect.arrayContaining(['ksa', 'egy', 'lev', 'gulf']))
    expect((await client(sandbox(), 1).get('/voice')).body.data).toMatchObject({ has_cloned_voice: false, voice_id: null })
  })

  it('updates settings, takes a provider key without ever returning it, and tests connectivity', async () => {
    const api = client(sandbox(), 1)
    expect((await api.patch('/voice/settings', { dialect: 'xyz' })).body.errors).toEqual({ dialect: ['The selected dialect is invalid.'] })
    expect((await api.patch('/voice/settings', { language: 'fr' })).status).toBe(422)
    const patched = await api.patch('/voice/settings', { dialect: 'egy', language: 'ar', enabled: true, api_key: 'sk_provider_secret_123' })
    expect(patched.body.data).toMatchObject({ dialect: 'egy', enabled: true, uses_own_key: true })
    expect(JSON.stringify(patched.body)).not.toContain('sk_provider_secret_123')
    expect((await api.get('/voice/status')).body.data).toEqual({ configured: true, connected: true })
    await api.patch('/voice/settings', { api_key: 'sk_invalid' })
    expect((await api.get('/voice/status')).body.data).toEqual({ configured: true, connected: false })
    expect((await api.patch('/voice/settings', { api_key: null })).body.data.uses_own_key).toBe(false)
  })

  it('clones from a checked sample, preloads, speaks text at a public URL, and deletes the voice', async () => {
    const sb = sandbox()
    const api = client(sb, 1)
    expect((await api.post('/voice/tts', { text: 'مرحبا' })).body.errors).toEqual({ voice: ['Clone a voice first.'] })
    expect((await api.post('/voice/preload')).status).toBe(422)
    expect((await clone(sb, api.key, Buffer.from('x'), 'sample.txt')).body.errors.file[0]).toBe('The file field must be a file of type: mp3, wav, m4a, ogg, webm.')
    const cloned = await clone(sb, api.key, Buffer.from('ID3 fake audio'), 'layla.mp3', 'Layla')
    expect(cloned.status).toBe(200)
    expect(cloned.body.data).toMatchObject({ has_cloned_voice: true, voice_name: 'Layla', voice_id: expect.stringMatching(/^voice_/) })
    expect((await api.post('/voice/preload')).body.data.voice_preloaded_at).toEqual(expect.any(String))
    expect((await api.post('/voice/tts', {})).body.errors).toEqual({ text: ['The text field is required.'] })
    const spoken = await api.post('/voice/tts', { text: 'أهلاً وسهلاً بكم' })
    expect(spoken.body.data).toMatchObject({ audio_url: expect.stringMatching(new RegExp(`^${sb.url}/storage/voice/`)), format: 'wav' })
    const audio = await fetch(spoken.body.data.audio_url)
    expect(audio.headers.get('content-type')).toBe('audio/wav')
    expect(Buffer.from(await audio.arrayBuffer()).subarray(0, 4).toString()).toBe('RIFF')
    expect((await api.del('/voice')).body.data).toMatchObject({ has_cloned_voice: false, voice_id: null })
    expect((await api.del('/voice')).status).toBe(404)
    // The other account's voice is untouched.
    expect((await client(sb, 0).get('/voice')).body.data.has_cloned_voice).toBe(true)
  })
})
