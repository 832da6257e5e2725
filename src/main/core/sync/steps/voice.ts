// Voice settings (a singleton) and the dialects (a small list, re-read whole), every refresh.
// No dialect is removed after a read that did not provably see the whole list (pass-check.ts).
import { countVoiceDialects, replaceVoiceDialects, saveVoiceSettings } from '../../store'
import { call, PER_PAGE, type SyncContext } from '../context'
import { readCheckedList, SweepRefusals, writeChecked } from '../pass-check'

export async function syncVoice(ctx: SyncContext): Promise<void> {
  const refusals = new SweepRefusals()
  const settings = await ctx.api.voice.get(call(ctx))
  // SkyLight cannot be asked for one dialect, so an emptied list of them is never believed.
  const dialects = await readCheckedList({ noun: 'voice dialects', fetch: () => ctx.api.voice.dialects(call(ctx)), perPage: PER_PAGE, known: countVoiceDialects(ctx.db) })
  saveVoiceSettings(ctx.db, settings)
  writeChecked(dialects, refusals, (items, sweep) => replaceVoiceDialects(ctx.db, items, sweep))
  ctx.changed('voice')
  refusals.report()
}
