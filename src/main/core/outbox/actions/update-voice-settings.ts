// Voice settings: dialect, language, on/off (PATCH with the changed fields; repeating it
// sets the same values). Consecutive changes merge. The provider key is never part of this
// payload (it would sit on disk): it is sent online only (voice-set-key).
import { z } from 'zod'
import { t } from '../../language'
import { voiceSettings } from '../../skylight/resources/voice'
import { patchVoice, saveVoiceSettings, shiftVoiceHold } from '../../store'
import type { ActionDef } from './define'

const changes = z
  .object({ language: z.enum(['ar', 'en']), dialect: z.string().trim().min(1).max(32), enabled: z.boolean() })
  .partial()
  .refine((c) => Object.keys(c).length > 0, { error: () => t().voice_change_one() })

const schema = z.object({ changes, previous: z.record(z.string(), z.unknown()).default({}) })
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
    ]
    return t().voice_summary_settings({ parts: parts.filter(Boolean).join(t().voice_list_separator()) })
  },
  repeatable: true,
  resources: ['voice'],
  apply(db, p, { hold }) {
    const before = patchVoice(db, p.changes)
    if (hold) shiftVoiceHold(db, 1)
    return { ...p, previous: { ...before, ...p.previous } }
  },
  rollback(db, p) {
    patchVoice(db, p.previous)
    shiftVoiceHold(db, -1)
  },
  async send(ctx, p) {
    return { record: await ctx.api.voice.updateSettings(p.changes, ctx.call) }
  },
  confirm(db, _p, result) {
    shiftVoiceHold(db, -1)
    const saved = voiceSettings.safeParse(result.record)
    if (saved.success) saveVoiceSettings(db, saved.data)
  },
  coalesce(queued, next) {
    const q = queued.payload as { changes?: object; previous?: object }
    return queued.kind === 'update-voice-settings' ? { ...q, changes: { ...q.changes, ...next.changes } } : null
  },
}
