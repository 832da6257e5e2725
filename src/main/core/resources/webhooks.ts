// Webhooks: re-read whole; created, edited, switched on or off and deleted offline. The
// test delivery, the delivery log, the event catalogue and rotating the secret are live
// (handlers/account-area.ts), never queued.
import { createWebhookAction } from '../outbox/actions/create-webhook'
import { deleteWebhookAction } from '../outbox/actions/delete-webhook'
import { updateWebhookAction } from '../outbox/actions/update-webhook'
import { syncWebhooks } from '../sync/steps/webhooks'
import { defineResource } from './define'

export const webhooksResource = defineResource({
  name: 'webhooks',
  pattern: 'whole',
  endpoints: [
    'GET /webhooks',
    'POST /webhooks',
    'GET /webhooks/{id}',
    'PUT /webhooks/{id}',
    'DELETE /webhooks/{id}',
    'POST /webhooks/{id}/test',
    'GET /webhooks/{id}/deliveries',
    'POST /webhooks/{id}/regenerate-secret',
    'GET /webhooks/events',
  ],
  fullPass: (ctx) => syncWebhooks(ctx, true),
  refresh: { step: (ctx) => syncWebhooks(ctx, false), cadence: 'half-hourly' },
  actions: [createWebhookAction, updateWebhookAction, deleteWebhookAction],
})
