// The team is small: re-read whole every refresh.
import { replaceTeam } from '../../store'
import { call, PER_PAGE, readAllPages, type SyncContext } from '../context'

export async function syncTeam(ctx: SyncContext): Promise<void> {
  const members = await readAllPages((page) => ctx.api.team.list({ page, per_page: PER_PAGE }, call(ctx)))
  const written = replaceTeam(ctx.db, members)
  if (written.inserted.length + written.updated.length + written.removed.length > 0) ctx.changed('team')
}
