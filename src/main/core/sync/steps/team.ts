// The team is small: re-read whole every refresh. Nothing is removed after a read that did
// not provably see the whole list (pass-check.ts).
import { replaceTeam, storedServerIds } from '../../store'
import { call, PER_PAGE, type SyncContext } from '../context'
import { readCheckedList, SweepRefusals, wholeList, writeChecked } from '../pass-check'

export async function syncTeam(ctx: SyncContext): Promise<void> {
  const refusals = new SweepRefusals()
  const read = await readCheckedList(
    wholeList('team members', (page) => ctx.api.team.list({ page, per_page: PER_PAGE }, call(ctx)), storedServerIds(ctx.db, 'team'), (id) => ctx.api.team.get(id, call(ctx))),
  )
  const written = writeChecked(read, refusals, (items, sweep) => replaceTeam(ctx.db, items, sweep))
  if (written.inserted.length + written.updated.length + written.removed.length > 0) ctx.changed('team')
  refusals.report()
}
