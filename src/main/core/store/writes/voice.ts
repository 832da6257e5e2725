// The voice settings singleton and the dialects list, as sync reads them; local changes the
// outbox makes first (a settings patch, a sample cloned, the voice deleted).
import { eq, inArray } from 'drizzle-orm'
import type { VoiceDialect, VoiceSettings } from '../../skylight/resources/voice'
import { inTransaction, type StoreDb } from '../db'
import { voiceDialects, voiceSettings } from '../schema/voice'
import { upsertRows } from './upsert-rows'

export const VOICE_ROW = 1

export function voiceRow(v: VoiceSettings) {
  return {
    id: VOICE_ROW,
    enabled: v.enabled,
    voiceConfigured: v.voice_configured,
    hasClonedVoice: v.has_cloned_voice,
    voiceId: v.voice_id,
    voiceName: v.voice_name,
    language: v.language,
    dialect: v.dialect,
    voicePreloadedAt: v.voice_preloaded_at,
    usesOwnKey: v.uses_own_key,
  } satisfies typeof voiceSettings.$inferInsert
}

/** The server's settings, unless a queued change still holds the row. */
export function saveVoiceSettings(db: StoreDb, v: VoiceSettings): boolean {
  const local = db.select({ rev: voiceSettings.localRevision }).from(voiceSettings).where(eq(voiceSettings.id, VOICE_ROW)).get()
  if (local && local.rev > 0) return false
  const row = voiceRow(v)
  db.insert(voiceSettings).values(row).onConflictDoUpdate({ target: voiceSettings.id, set: row }).run()
  return true
}

/**
 * The dialects as the server lists them, in its order. `sweep: false` when the read may have
 * missed some: those not sent stay (returned: how many).
 */
export function replaceVoiceDialects(db: StoreDb, all: readonly VoiceDialect[], sweep = true): { kept: number } {
  return inTransaction(db, (tx) => {
    const sent = new Set(all.map((d) => d.code))
    const unsent = tx.select({ code: voiceDialects.code }).from(voiceDialects).all().map((r) => r.code).filter((code) => !sent.has(code))
    if (sweep && unsent.length > 0) tx.delete(voiceDialects).where(inArray(voiceDialects.code, unsent)).run()
    upsertRows(tx, voiceDialects, all.map((d, position) => ({ code: d.code, name: d.name, nativeName: d.native_name, language: d.language, position })), voiceDialects.code)
    return { kept: sweep ? 0 : unsent.length }
  })
}

type Row = typeof voiceSettings.$inferSelect
export type VoicePatch = Partial<Omit<Row, 'id' | 'localRevision'>>

/** Sets some fields of the singleton (made if absent) and returns their values before. */
export function patchVoice(db: StoreDb, fields: VoicePatch): VoicePatch {
  let current = db.select().from(voiceSettings).where(eq(voiceSettings.id, VOICE_ROW)).get()
  if (!current) {
    db.insert(voiceSettings).values({ id: VOICE_ROW, enabled: false, voiceConfigured: true, hasClonedVoice: false }).run()
    current = db.select().from(voiceSettings).where(eq(voiceSettings.id, VOICE_ROW)).get()!
  }
  const previous: Record<string, unknown> = {}
  const set: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue
    previous[key] = (current as Record<string, unknown>)[key]
    set[key] = value
  }
  if (Object.keys(set).length > 0) db.update(voiceSettings).set(set).where(eq(voiceSettings.id, VOICE_ROW)).run()
  return previous as VoicePatch
}

/** Holding the singleton while a change waits, so sync does not overwrite it. */
export function shiftVoiceHold(db: StoreDb, by: 1 | -1): void {
  const row = db.select({ rev: voiceSettings.localRevision }).from(voiceSettings).where(eq(voiceSettings.id, VOICE_ROW)).get()
  if (row) db.update(voiceSettings).set({ localRevision: Math.max(0, row.rev + by) }).where(eq(voiceSettings.id, VOICE_ROW)).run()
}
