// Voice settings: dialect, language, on/off and whose provider key is used (PATCH with the
// changed fields; repeating it sets the same values). Consecutive changes merge. The user's
// own provider key is never part of this payload (it would sit on disk): the payload says
// only "own" or "SkyLight's", and the key is read from the keychain when the request goes out.
import { z } from 'zod'
import { t } from '../../language'
import { voiceSettings } from '../../skylight/resources/voice'
import { patchVoice, saveVoiceSettings, shiftVoiceHold } from '../../store'
import type { ActionDef } from './define'

const changes = z.object({ language: z.enum(['ar', 'en']), dialect: z.string().trim().min(1).max(32), enabled: z.boolean() }).partial()

const schema = z
  .object({
    changes,
    /** own: the key saved in the keychain; skylight: none (SkyLight's own). */
    providerKey: z.enum(['own', 'skylight']).optional(),
    previous: z.record(z.string(), z.unknown()).default({}),
  })
  .refine((p) => Object.keys(p.changes).length > 0 || p.providerKey !== undefined, { error: () => t().voice_change_one() })
export type UpdateVoiceSettingsPayload = z.output<typeof schema>

export const updateVoiceSettingsAction: ActionDef<UpdateVoiceSettingsPayload> = {
  kind: 'update-voice-settings',
  payload: { current: 1, schema },
  lane: () => 'voice:1',
  summary: (p) => {
    const parts = [
      p.changes.enabled === undefined ? null : p.changes.enabled ? t().voice_summary_on() : t().voice_summary_off(),
      p.changes.dialect ? t().voice_summary_dialect({ dialect: p.changes.dialect }) : null,
      p.changes.language ? t().voice_summary_language({ language: p.changes.language }) : null,
      p.providerKey === 'own' ? t().voice_summary_own_key() : p.providerKey === 'skylight' ? t().voice_summary_skylight_key() : null,
    ]
    return t().voice_summary_settings({ parts: parts.filter(Boolean).join(t().voice_list_separator()) })
  },
  repeatable: true,
  resources: ['voice'],
  apply(db, p, { hold }) {
    const before = patchVoice(db, { ...p.changes, ...(p.providerKey ? { usesOwnKey: p.providerKey === 'own' } : {}) })
    if (hold) shiftVoiceHold(db, 1)
    return { ...p, previous: { ...before, ...p.previous } }
  },
  rollback(db, p) {
    patchVoice(db, p.previous)
    shiftVoiceHold(db, -1)
  },
  async send(ctx, p) {
    if (!p.providerKey) return { record: await ctx.api.voice.updateSettings(p.changes, ctx.call) }
    // Read now, not when queued: the newest key the user saved. None left in the keychain
    // (the user chose SkyLight's key meanwhile, or removed it there) means SkyLight's.
    const key = p.providerKey === 'own' ? await ctx.secret('voice-provider-key') : null
    return { record: await ctx.api.voice.updateSettings({ ...p.changes, apiKey: key }, ctx.call) }
  },
  confirm(db, _p, result) {
    shiftVoiceHold(db, -1)
    const saved = voiceSettings.safeParse(result.record)
    if (saved.success) saveVoiceSettings(db, saved.data)
  },
  coalesce(queued, next) {
    const q = queued.payload as { changes?: object; providerKey?: string; previous?: object }
    if (queued.kind !== 'update-voice-settings') return null
    const providerKey = next.providerKey ?? q.providerKey
    return { ...q, changes: { ...q.changes, ...next.changes }, ...(providerKey ? { providerKey } : {}) }
  },
}
