// What the voice view shows: the settings (defaults before the first sync) and the dialects.
import { asc, eq } from 'drizzle-orm'
import type { StoreDb } from '../db'
import { voiceDialects, voiceSettings } from '../schema/voice'
import { VOICE_ROW } from '../writes/voice'

export interface VoiceView {
  enabled: boolean
  voiceConfigured: boolean
  hasClonedVoice: boolean
  voiceName: string | null
  language: string | null
  dialect: string | null
  voicePreloadedAt: string | null
  usesOwnKey: boolean
  pending: boolean
  dialects: { code: string; name: string; nativeName: string | null; language: string | null }[]
}

export function getVoice(db: StoreDb): VoiceView {
  const row = db.select().from(voiceSettings).where(eq(voiceSettings.id, VOICE_ROW)).get()
  const dialects = db.select({ code: voiceDialects.code, name: voiceDialects.name, nativeName: voiceDialects.nativeName, language: voiceDialects.language }).from(voiceDialects).orderBy(asc(voiceDialects.position)).all()
  return {
    enabled: row?.enabled ?? false,
    voiceConfigured: row?.voiceConfigured ?? false,
    hasClonedVoice: row?.hasClonedVoice ?? false,
    voiceName: row?.voiceName ?? null,
    language: row?.language ?? null,
    dialect: row?.dialect ?? null,
    voicePreloadedAt: row?.voicePreloadedAt ?? null,
    usesOwnKey: row?.usesOwnKey ?? false,
    pending: (row?.localRevision ?? 0) > 0,
    dialects,
  }
}
