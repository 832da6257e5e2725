// Add a team member. The password never enters the payload: it waits in memory under a
// random reference (held-secrets.ts) until the request is made, then is forgotten. The
// plan's seat limit is checked before the action is queued. An unknown outcome is settled
// by looking for a member with the same email.
import { z } from 'zod'
import { ValidationError } from '../../skylight'
import { teamMember } from '../../skylight/resources/team'
import { insertLocalTeamMember, rekeyTeamMember, removeRow } from '../../store'
import { checkPlanLimit } from '../../plan-limits'
import { dropSecret, heldSecret } from '../held-secrets'
import { findCreatedTeamMember } from '../reconcile-admin'
import { quote, type ActionDef } from './define'
import { release } from './hold'
import { teamMemberFields } from './team-fields'
import { t } from '../../language'

const schema = teamMemberFields.extend({
  localId: z.number().int().negative(),
  /** Where the password waits in memory; the password itself is never here. */
  passwordRef: z.string().max(64),
})
export type CreateTeamMemberPayload = z.output<typeof schema>

export const createTeamMemberAction: ActionDef<CreateTeamMemberPayload> = {
  kind: 'create-team-member',
  payload: { current: 1, schema },
  lane: (p) => `teamMember:${p.localId}`,
  summary: (p) => t().team_summary_add({ name: quote(p.name) }),
  repeatable: false,
  resources: ['team'],
  creates: { entity: 'teamMember', localId: (p) => p.localId },
  apply(db, p) {
    checkPlanLimit(db, 'team_members')
    insertLocalTeamMember(db, { id: p.localId, name: p.name, email: p.email, role: p.role })
    return p
  },
  rollback(db, p) {
    removeRow(db, 'teamMember', p.localId)
    dropSecret(p.passwordRef)
  },
  async send(ctx, p) {
    const password = heldSecret(p.passwordRef)
    if (!password) {
      throw new ValidationError(t().team_password_not_kept({ name: p.name }), 422, {
        password: [t().team_type_password_again()],
      })
    }
    const created = await ctx.api.team.create({ name: p.name, email: p.email, role: p.role, password }, ctx.call)
    dropSecret(p.passwordRef)
    return { serverId: created.id, record: created }
  },
  settledByState: true,
  async reconcile(ctx, p) {
    const found = await findCreatedTeamMember(ctx, p.email)
    return found ? { serverId: found.id, record: found } : null
  },
  confirm(db, p, result) {
    dropSecret(p.passwordRef)
    const created = teamMember.safeParse(result.record)
    if (!created.success) return
    rekeyTeamMember(db, p.localId, created.data)
    release(db, { kind: 'teamMember', id: created.data.id })
  },
}
