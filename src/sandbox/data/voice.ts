// One account's voice: settings (a singleton), its cloned voice, the provider key the owner
// may bring (kept only to test connectivity, never shown back), and the audio TTS made.
import { isoOrNull } from './time'

export const DIALECTS = [
  { code: 'ksa', name: 'Saudi Arabic', native_name: 'اللهجة السعودية', language: 'ar' },
  { code: 'egy', name: 'Egyptian Arabic', native_name: 'اللهجة المصرية', language: 'ar' },
  { code: 'lev', name: 'Levantine Arabic', native_name: 'اللهجة الشامية', language: 'ar' },
  { code: 'gulf', name: 'Gulf Arabic', native_name: 'اللهجة الخليجية', language: 'ar' },
  { code: 'msa', name: 'Modern Standard Arabic', native_name: 'العربية الفصحى', language: 'ar' },
  { code: 'en-us', name: 'American English', native_name: 'American English', language: 'en' },
  { code: 'en-gb', name: 'British English', native_name: 'British English', language: 'en' },
] as const

export const VOICE_SAMPLE_EXTENSIONS = ['mp3', 'wav', 'm4a', 'ogg', 'webm'] as const
export const MAX_VOICE_SAMPLE_BYTES = 10 * 1024 * 1024

export class VoiceState {
  enabled = false
  language: 'ar' | 'en' = 'ar'
  dialect = 'ksa'
  voiceId: string | null = null
  voiceName: string | null = null
  preloadedAt: number | null = null
  /** The owner's own provider key; null means SkyLight's. Never serialised. */
  providerKey: string | null = null
  /** Generated speech by public path. */
  readonly audio = new Map<string, Buffer>()
}

export function voiceJson(v: VoiceState) {
  return {
    enabled: v.enabled,
    voice_configured: true,
    has_cloned_voice: v.voiceId !== null,
    voice_id: v.voiceId,
    voice_name: v.voiceName,
    language: v.language,
    dialect: v.dialect,
    voice_preloaded_at: isoOrNull(v.preloadedAt),
    // Not in the docs' example: whether the account uses its own provider key (never the key).
    uses_own_key: v.providerKey !== null,
  }
}

/** A provider key "works" unless it says otherwise (for tests of the connectivity check). */
export const keyWorks = (key: string | null) => key === null || !/invalid|revoked/i.test(key)

/** A short silent WAV (8 kHz, mono, 8-bit), as long as the text would take to say. */
export function speechWav(text: string): Buffer {
  const samples = Math.min(8_000 * 10, 8_000 * Math.max(1, Math.ceil(text.length / 15)))
  const header = Buffer.alloc(44)
  header.write('RIFF', 0)
  header.writeUInt32LE(36 + samples, 4)
  header.write('WAVE', 8)
  header.write('fmt ', 12)
  header.writeUInt32LE(16, 16)
  header.writeUInt16LE(1, 20)
  header.writeUInt16LE(1, 22)
  header.writeUInt32LE(8_000, 24)
  header.writeUInt32LE(8_000, 28)
  header.writeUInt16LE(1, 32)
  header.writeUInt16LE(8, 34)
  header.write('data', 36)
  header.writeUInt32LE(samples, 40)
  return Buffer.concat([header, Buffer.alloc(samples, 0x80)])
}

/** The first account has a cloned voice, on, in Saudi Arabic; the others start without one. */
export function seedVoice(v: VoiceState, accountIndex: number, base: number): void {
  if (accountIndex !== 0) return
  v.enabled = true
  v.voiceId = 'voice_seeded000001'
  v.voiceName = 'ليلى - خدمة العملاء'
  v.preloadedAt = base
}
