// Delete a persona. Removed at once (with the assignments to it), put back if refused.
// Deleting the default leaves the account without one: new contacts get no agent until
// another is made the default (the view says so and offers to pick one).
import { deleteRowAction, type DeleteRowPayload } from './delete-row'
import { t } from '../../language'

export type DeleteAiAgentPayload = DeleteRowPayload<'agentId'>

export const deleteAiAgentAction = deleteRowAction({
  entity: 'ai-agent',
  idField: 'agentId',
  noun: () => t().noun_ai_agent(),
  resources: ['ai-agents'],
  remove: (api, id, call) => api.aiAgents.delete(id, call),
})
