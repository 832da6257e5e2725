// Delete the account's cloned voice: shown gone at once, back if refused; "no voice to
// delete" counts as done, so it is safe to repeat.
import { z } from 'zod'
import { voiceSettings } from '../../skylight/resources/voice'
import { patchVoice, saveVoiceSettings, shiftVoiceHold } from '../../store'
import type { ActionDef } from './define'
import { gone } from './hold'
import { t } from '../../language'

const schema = z.object({ previous: z.record(z.string(), z.unknown()).optional() })
export type RemoveClonedVoicePayload = z.output<typeof schema>

export const removeClonedVoiceAction: ActionDef<RemoveClonedVoicePayload> = {
  kind: 'remove-cloned-voice',
  payload: { current: 1, schema },
  lane: () => 'voice:1',
  summary: () => t().voice_summary_delete(),
  repeatable: true,
  resources: ['voice'],
  apply(db, p, { hold }) {
    const before = patchVoice(db, { hasClonedVoice: false, voiceId: null, voiceName: null, voicePreloadedAt: null })
    if (hold) shiftVoiceHold(db, 1)
    return { ...p, previous: p.previous ?? before }
  },
  rollback(db, p) {
    patchVoice(db, p.previous ?? {})
    shiftVoiceHold(db, -1)
  },
  async send(ctx) {
    await gone(ctx.api.voice.deleteVoice(ctx.call))
    return { record: await ctx.api.voice.get(ctx.call) }
  },
  confirm(db, _p, result) {
    shiftVoiceHold(db, -1)
    const saved = voiceSettings.safeParse(result.record)
    if (saved.success) saveVoiceSettings(db, saved.data)
  },
}
