// Delete a webhook: gone from the list at once, put back if refused.
import { deleteRowAction, type DeleteRowPayload } from './delete-row'
import { t } from '../../language'

export type DeleteWebhookPayload = DeleteRowPayload<'webhookId'>

export const deleteWebhookAction = deleteRowAction({
  entity: 'webhook',
  idField: 'webhookId',
  noun: () => t().noun_webhook(),
  resources: ['webhooks'],
  remove: (api, id, call) => api.webhooks.delete(id, call),
})
