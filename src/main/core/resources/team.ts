// The team: a small collection re-read whole; members are added, edited and removed offline.
import { createTeamMemberAction } from '../outbox/actions/create-team-member'
import { deleteTeamMemberAction } from '../outbox/actions/delete-team-member'
import { updateTeamMemberAction } from '../outbox/actions/update-team-member'
import { syncTeam } from '../sync/steps/team'
import { defineResource } from './define'

export const teamResource = defineResource({
  name: 'team',
  pattern: 'whole',
  endpoints: ['GET /team', 'POST /team', 'GET /team/{id}', 'PUT /team/{id}', 'DELETE /team/{id}'],
  fullPass: syncTeam,
  refresh: { step: syncTeam, cadence: 'half-hourly' },
  actions: [createTeamMemberAction, updateTeamMemberAction, deleteTeamMemberAction],
})
