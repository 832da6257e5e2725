// Voice: settings (queued changes), the provider key (kept in the OS keychain, sent with the
// settings; the page sees only its last 4 characters), the clone
// from a dropped or picked sample (an upload), and the online-only parts: connectivity,
// warm-up and text to speech (its audio handed to the page as bytes, played under the CSP).
import { z } from 'zod'
import { method } from './define'

const queued = z.object({ actionId: z.string() })

export const voiceView = z.object({
  enabled: z.boolean(),
  voiceConfigured: z.boolean(),
  hasClonedVoice: z.boolean(),
  voiceName: z.string().nullable(),
  language: z.string().nullable(),
  dialect: z.string().nullable(),
  voicePreloadedAt: z.string().nullable(),
  usesOwnKey: z.boolean(),
  /** The user's own provider key saved on this computer (keychain): only its last 4 characters; null when none. */
  ownKey: z.object({ ending: z.string().max(4) }).nullable(),
  pending: z.boolean(),
  dialects: z.array(z.object({ code: z.string(), name: z.string(), nativeName: z.string().nullable(), language: z.string().nullable() })),
})
export type VoiceView = z.output<typeof voiceView>

const cloneResult = z.object({ fileName: z.string(), ok: z.boolean(), actionId: z.string().optional(), message: z.string().optional() })

export const voiceMethods = {
  'voice-get': method(z.object({}).strict(), voiceView),
  'voice-update': method(
    z.object({ language: z.enum(['ar', 'en']).optional(), dialect: z.string().min(1).max(32).optional(), enabled: z.boolean().optional() }).strict(),
    queued,
  ),
  /**
   * Saves the user's own provider key in the keychain and queues it for SkyLight (the queued
   * action holds no key: it is read from the keychain when sent). null: use SkyLight's key,
   * and the saved one is deleted.
   */
  'voice-set-key': method(z.object({ key: z.string().trim().min(8).max(500).nullable() }).strict(), voiceView),
  'voice-status': method(z.object({}).strict(), z.object({ configured: z.boolean(), connected: z.boolean() })),
  'voice-clone': method(z.object({ path: z.string().min(1), name: z.string().trim().max(255).optional() }).strict(), cloneResult),
  'voice-clone-data': method(
    z.object({ fileName: z.string().min(1).max(255), size: z.number().int().min(0), base64: z.string(), name: z.string().trim().max(255).optional() }).strict(),
    cloneResult,
  ),
  'voice-preload': method(z.object({}).strict(), voiceView),
  'voice-tts': method(
    z.object({ text: z.string().trim().min(1).max(1000) }).strict(),
    z.object({ audioUrl: z.string(), mimeType: z.string(), base64: z.string() }),
  ),
  'voice-delete': method(z.object({}).strict(), queued),
}
