// Clone the account's voice from an audio sample: staged when queued (checked by name,
// size and content), streamed with progress when sent. Not repeated blindly (each clone
// makes a new voice): an unknown outcome is settled by reading the settings.
import { z } from 'zod'
import { voiceSettings } from '../../skylight/resources/voice'
import { patchVoice, saveVoiceSettings, shiftVoiceHold } from '../../store'
import { quote, type ActionDef } from './define'
import { t } from '../../language'

const schema = z.object({
  stagingPath: z.string().min(1),
  originalName: z.string().min(1),
  name: z.string().trim().max(255).optional(),
  size: z.number().int().positive(),
  mimeType: z.string(),
  extension: z.string(),
  previous: z.record(z.string(), z.unknown()).optional(),
})
export type CloneVoicePayload = z.output<typeof schema>

const voiceNameOf = (p: CloneVoicePayload) => p.name || p.originalName.replace(/\.[^.]+$/, '')

export const cloneVoiceAction: ActionDef<CloneVoicePayload> = {
  kind: 'clone-voice',
  payload: { current: 1, schema },
  lane: () => 'voice:1',
  summary: (p) => t().voice_summary_clone({ name: quote(voiceNameOf(p)), file: quote(p.originalName) }),
  editable: (p) => ({ name: voiceNameOf(p) }),
  repeatable: false,
  resources: ['voice'],
  apply(db, p, { hold }) {
    const before = patchVoice(db, { voiceName: voiceNameOf(p) })
    if (hold) shiftVoiceHold(db, 1)
    return { ...p, previous: p.previous ?? before }
  },
  rollback(db, p) {
    patchVoice(db, p.previous ?? {})
    shiftVoiceHold(db, -1)
  },
  async send(ctx, p) {
    const saved = await ctx.api.voice.clone(p.stagingPath, { ...ctx.call, fileName: p.originalName, name: voiceNameOf(p), onProgress: (sent, total) => ctx.onProgress(sent, total) })
    return { record: saved }
  },
  settledByState: true,
  async reconcile(ctx, p) {
    const now = await ctx.api.voice.get(ctx.call)
    return now.has_cloned_voice && now.voice_name === voiceNameOf(p) ? { record: now } : null
  },
  confirm(db, _p, result) {
    shiftVoiceHold(db, -1)
    const saved = voiceSettings.safeParse(result.record)
    if (saved.success) saveVoiceSettings(db, saved.data)
  },
  edit: (p, changes) => ({ ...p, ...z.object({ name: schema.shape.name }).parse(changes) }),
}
