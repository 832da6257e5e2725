// Delete a campaign (SkyLight allows it for drafts and cancelled ones). Removed at once,
// put back if refused.
import { deleteRowAction, type DeleteRowPayload } from './delete-row'
import { t } from '../../language'

export type DeleteCampaignPayload = DeleteRowPayload<'campaignId'>

export const deleteCampaignAction = deleteRowAction({
  entity: 'campaign',
  idField: 'campaignId',
  noun: () => t().noun_campaign(),
  resources: ['campaigns'],
  remove: (api, id, call) => api.campaigns.delete(id, call),
})
