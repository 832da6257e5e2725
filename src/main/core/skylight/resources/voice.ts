// /voice: the account's voice settings (a singleton), connectivity, dialects, cloning from
// an audio sample (streamed), warming up, text to speech and deleting the cloned voice.
// The user's own provider key is sent as `api_key` with the settings (the caller reads it
// from the keychain just before).
import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { z } from 'zod'
import type { CallOptions, SkyLightClient } from '../client'
import { LocalFileError } from '../errors'
import { multipartBody } from '../multipart'
import { bool, nullable, timestamp } from '../schema'
import { checkVoiceSample } from '../voice-rules'

const flag = (fallback: boolean) => bool.nullish().transform((v) => v ?? fallback)

export const voiceSettings = z.object({
  enabled: flag(false),
  voice_configured: flag(true),
  has_cloned_voice: flag(false),
  voice_id: nullable(z.string()),
  voice_name: nullable(z.string()),
  language: nullable(z.string()),
  dialect: nullable(z.string()),
  voice_preloaded_at: nullable(timestamp),
  uses_own_key: nullable(bool),
})
export type VoiceSettings = z.output<typeof voiceSettings>

export const voiceDialect = z.object({
  code: z.string(),
  name: z.string().nullish().transform((v) => v ?? ''),
  native_name: nullable(z.string()),
  language: nullable(z.string()),
})
export type VoiceDialect = z.output<typeof voiceDialect>

export const voiceStatus = z.object({ configured: flag(false), connected: flag(false) })
export const ttsResult = z.object({ audio_url: z.string(), duration_seconds: nullable(z.number()), format: nullable(z.string()) })

export interface VoiceSettingsChanges {
  language?: string
  dialect?: string
  enabled?: boolean
  /** The user's own provider key; null: SkyLight's. Absent: unchanged. */
  apiKey?: string | null
}

export interface CloneOptions extends CallOptions {
  name?: string
  fileName?: string
  onProgress?: (sentBytes: number, totalBytes: number) => void
}

export function voiceApi(client: SkyLightClient) {
  return {
    get: (o?: CallOptions) => client.data({ method: 'GET', path: '/voice', ...o }, voiceSettings),
    status: (o?: CallOptions) => client.data({ method: 'GET', path: '/voice/status', ...o }, voiceStatus),
    dialects: (o?: CallOptions) => client.page({ method: 'GET', path: '/voice/dialects', ...o }, voiceDialect),
    updateSettings: ({ apiKey, ...changes }: VoiceSettingsChanges, o?: CallOptions) =>
      client.data({ method: 'PATCH', path: '/voice/settings', json: apiKey === undefined ? changes : { ...changes, api_key: apiKey }, ...o }, voiceSettings),
    /** Streams the sample from disk; never repeated on an unknown outcome. */
    clone: async (path: string, options: CloneOptions = {}) => {
      const fileName = options.fileName ?? basename(path)
      const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
        throw new LocalFileError(`“${fileName}” can no longer be read (${error.code ?? 'unknown error'}).`, { cause: error })
      })
      const check = checkVoiceSample(fileName, info.size)
      if (!check.ok) throw new LocalFileError(check.reason)
      const { body, contentType } = multipartBody(options.name ? { name: options.name } : {}, { field: 'file', path, fileName, size: info.size, contentType: check.mime })
      const { name: _n, fileName: _f, onProgress, ...call } = options
      return client.data({ method: 'POST', path: '/voice/clone', upload: { body, contentType, ...(onProgress ? { onProgress } : {}) }, ...call }, voiceSettings)
    },
    preload: (o?: CallOptions) => client.data({ method: 'POST', path: '/voice/preload', idempotent: true, ...o }, voiceSettings),
    tts: (text: string, o?: CallOptions) => client.data({ method: 'POST', path: '/voice/tts', json: { text }, idempotent: true, ...o }, ttsResult),
    deleteVoice: (o?: CallOptions) => client.send({ method: 'DELETE', path: '/voice', ...o }),
  }
}
