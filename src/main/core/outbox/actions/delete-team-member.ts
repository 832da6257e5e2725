// Remove a team member: gone from the list at once, put back if refused.
import { deleteRowAction, type DeleteRowPayload } from './delete-row'
import { t } from '../../language'

export type DeleteTeamMemberPayload = DeleteRowPayload<'teamMemberId'>

export const deleteTeamMemberAction = deleteRowAction({
  entity: 'teamMember',
  idField: 'teamMemberId',
  noun: () => t().noun_team_member(),
  resources: ['team'],
  remove: (api, id, call) => api.team.delete(id, call),
})
