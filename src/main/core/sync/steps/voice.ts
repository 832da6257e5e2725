// Voice settings (a singleton) and the dialects (a small list, re-read whole), every refresh.
import { replaceVoiceDialects, saveVoiceSettings } from '../../store'
import { call, type SyncContext } from '../context'

export async function syncVoice(ctx: SyncContext): Promise<void> {
  const settings = await ctx.api.voice.get(call(ctx))
  const dialects = await ctx.api.voice.dialects(call(ctx))
  saveVoiceSettings(ctx.db, settings)
  replaceVoiceDialects(ctx.db, dialects.items)
  ctx.changed('voice')
}
