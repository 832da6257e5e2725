// Delete a webhook: gone from the list at once, put back if refused.
import { deleteRowAction, type DeleteRowPayload } from './delete-row'

export type DeleteWebhookPayload = DeleteRowPayload<'webhookId'>

export const deleteWebhookAction = deleteRowAction({
  entity: 'webhook',
  idField: 'webhookId',
  resources: ['webhooks'],
  remove: (api, id, call) => api.webhooks.delete(id, call),
})
