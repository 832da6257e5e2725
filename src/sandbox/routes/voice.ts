// /voice: the settings singleton, connectivity, dialects, cloning from an audio sample
// (multipart `file`, optional `name`), warming up, text to speech (a public audio URL) and
// deleting the cloned voice. Readings where the page is silent: the provider key is sent as
// `api_key` (null: SkyLight's key) and never returned; samples up to 10 MB; TTS and preload
// need a cloned voice (422 otherwise); text up to 1,000 characters.
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { DIALECTS, keyWorks, MAX_VOICE_SAMPLE_BYTES, speechWav, VOICE_SAMPLE_EXTENSIONS, voiceJson } from '../data/voice'
import { fail, json, ok, validationFailed } from '../http/respond'
import type { Router } from '../http/router'
import { receiveUpload } from '../http/upload'
import { boolean, nullableString, oneOf, requiredString, validate } from '../http/validate'

const settingsBody = z.object({
  language: oneOf('language', ['ar', 'en']).optional(),
  dialect: z.string().optional(),
  enabled: boolean('enabled').optional(),
  api_key: nullableString('api_key', 500),
})
const ttsBody = z.object({ text: requiredString('text', 1000) })

export function voiceRoutes(router: Router): void {
  router.get('/voice', ({ store }) => ok(voiceJson(store.voice)))

  router.get('/voice/status', ({ store }) => ok({ configured: true, connected: keyWorks(store.voice.providerKey) }))

  router.get('/voice/dialects', () => ok(DIALECTS.map((d) => ({ ...d }))))

  router.add('PATCH', '/voice/settings', ({ store, body }) => {
    const input = validate(settingsBody, body)
    if (input.dialect !== undefined && !DIALECTS.some((d) => d.code === input.dialect)) {
      throw validationFailed({ dialect: ['The selected dialect is invalid.'] })
    }
    const v = store.voice
    if (input.language !== undefined) v.language = input.language
    if (input.dialect !== undefined) v.dialect = input.dialect
    if (input.enabled !== undefined) v.enabled = input.enabled
    if (input.api_key !== undefined) v.providerKey = input.api_key
    return ok(voiceJson(v), 'Voice settings updated successfully.')
  })

  router.post('/voice/clone', async ({ world, store, req, now }) => {
    let target = ''
    const outcome = await receiveUpload(req, (ext) => (target = join(world.storageDir, `voice/${store.id}/sample.${ext}`)), {
      extensions: VOICE_SAMPLE_EXTENSIONS,
      maxBytes: MAX_VOICE_SAMPLE_BYTES,
    })
    if (target) await rm(target, { force: true })
    const file = outcome.file
    const logBody = file ? { original_name: file.originalName, size: file.size, sha256: file.sha256 } : null
    if (!file || Object.keys(outcome.errors).length > 0) {
      return json(422, { success: false, message: 'The given data was invalid.', errors: outcome.errors }, { logBody })
    }
    if (!keyWorks(store.voice.providerKey)) throw fail(502, 'The voice provider rejected the API key. Check it in the voice settings.')
    store.voice.voiceId = `voice_${world.runtimeRandom.token(12)}`
    store.voice.voiceName = outcome.fields.name?.trim() || file.originalName.replace(/\.[^.]+$/, '')
    store.voice.preloadedAt = now
    return { ...ok(voiceJson(store.voice), 'Voice cloned successfully.'), logBody }
  }, { raw: true })

  router.post('/voice/preload', ({ store, now }) => {
    if (store.voice.voiceId === null) throw validationFailed({ voice: ['Clone a voice first.'] })
    store.voice.preloadedAt = now
    return ok(voiceJson(store.voice), 'Voice preloaded.')
  })

  router.post('/voice/tts', ({ world, store, body, now }) => {
    const { text } = validate(ttsBody, body)
    if (store.voice.voiceId === null) throw validationFailed({ voice: ['Clone a voice first.'] })
    if (!keyWorks(store.voice.providerKey)) throw fail(502, 'The voice provider rejected the API key. Check it in the voice settings.')
    const path = `/storage/voice/${store.id}/${world.runtimeRandom.token(16)}.wav`
    const audio = speechWav(text)
    store.voice.audio.set(path, audio)
    store.voice.preloadedAt = now
    return ok({ audio_url: `${world.origin}${path}`, duration_seconds: (audio.length - 44) / 8_000, format: 'wav' })
  })

  router.delete('/voice', ({ store }) => {
    if (store.voice.voiceId === null) throw fail(404, 'No cloned voice to delete.')
    store.voice.voiceId = null
    store.voice.voiceName = null
    store.voice.preloadedAt = null
    return ok(voiceJson(store.voice), 'Cloned voice deleted.')
  })
}
