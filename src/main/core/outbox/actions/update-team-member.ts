// Edit a team member's name, email, role or status. Consecutive edits of one member, or
// edits of a member not yet created, are merged into the queued action.
import { z } from 'zod'
import { teamMember } from '../../skylight/resources/team'
import { patchRow } from '../../store'
import { saveTeamMemberIfUnheld } from '../../store/writes/team'
import { quote, type ActionDef } from './define'
import { hold, release } from './hold'
import { teamMemberChanges } from './team-fields'
import { t } from '../../language'

const schema = z.object({
  teamMemberId: z.number().int(),
  changes: teamMemberChanges,
  /** Row fields before the first merged edit, put back if it fails. */
  previous: z.record(z.string(), z.unknown()).default({}),
})
export type UpdateTeamMemberPayload = z.output<typeof schema>

export const updateTeamMemberAction: ActionDef<UpdateTeamMemberPayload> = {
  kind: 'update-team-member',
  payload: { current: 1, schema },
  lane: (p) => `teamMember:${p.teamMemberId}`,
  summary: (p) => t().team_summary_edit({ who: p.changes.name ? quote(p.changes.name) : String(p.teamMemberId) }),
  repeatable: true,
  resources: ['team'],
  apply(db, p, { hold: holding }) {
    const before = patchRow(db, 'teamMember', p.teamMemberId, p.changes)
    if (holding) hold(db, { kind: 'teamMember', id: p.teamMemberId })
    return { ...p, previous: { ...before, ...p.previous } }
  },
  rollback(db, p) {
    patchRow(db, 'teamMember', p.teamMemberId, p.previous)
    release(db, { kind: 'teamMember', id: p.teamMemberId })
  },
  async send(ctx, p) {
    const saved = await ctx.api.team.update(p.teamMemberId, p.changes, ctx.call)
    return { serverId: saved.id, record: saved }
  },
  confirm(db, p, result) {
    release(db, { kind: 'teamMember', id: p.teamMemberId })
    const saved = teamMember.safeParse(result.record)
    if (saved.success) saveTeamMemberIfUnheld(db, saved.data)
  },
  coalesce(queued, next) {
    const q = queued.payload as { teamMemberId?: number; localId?: number; changes?: object }
    if (queued.kind === 'update-team-member' && q.teamMemberId === next.teamMemberId) return { ...q, changes: { ...q.changes, ...next.changes } }
    // A member still to be created: only the fields its create sends (status comes later).
    if (queued.kind === 'create-team-member' && q.localId === next.teamMemberId && next.changes.status === undefined) return { ...q, ...next.changes }
    return null
  },
  edit: (p, changes) => ({ ...p, changes: { ...p.changes, ...teamMemberChanges.parse(changes) } }),
}
