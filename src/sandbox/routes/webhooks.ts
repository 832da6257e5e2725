// /webhooks: the whole list (unpaginated, with delivery_logs_count), create (answers the
// secret once), get, update, delete; the event catalogue; a test delivery, the paged
// delivery log (newest first) and rotating the signing secret.
import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import { ALL_WEBHOOK_EVENTS, WEBHOOK_EVENTS, type DeliveryRec, type WebhookRec } from '../data/admin-model'
import { deliveryJson, webhookJson } from '../data/admin-serialize'
import { pageRequest, paginateArray } from '../http/pagination'
import { notFound, ok } from '../http/respond'
import type { RouteContext, Router } from '../http/router'
import { boolean, optionalString, requiredString } from '../http/validate'
import { crudRoutes } from './crud'
import { param } from './lookup'

const httpsUrl = z
  .string({ error: 'The url field is required.' })
  .trim()
  .min(1, { error: 'The url field is required.' })
  .max(2048, { error: 'The url field must not be greater than 2048 characters.' })
  .refine((v) => URL.canParse(v) && new URL(v).protocol === 'https:', { error: 'The url field must start with https://.' })
const events = z
  .array(z.string(), { error: 'The events field is required.' })
  .min(1, { error: 'The events field must have at least 1 items.' })
  .superRefine((list, ctx) => {
    list.forEach((event, i) => {
      if (!ALL_WEBHOOK_EVENTS.has(event)) ctx.addIssue({ code: 'custom', path: [i], message: `The selected events.${i} is invalid.` })
    })
  })

const createWebhook = z.object({ name: requiredString('name'), url: httpsUrl, events, is_active: boolean('is_active').optional() })
const updateWebhook = z.object({
  name: optionalString('name').refine((v) => v !== '', { error: 'The name field is required.' }),
  url: httpsUrl.optional(),
  events: events.optional(),
  is_active: boolean('is_active').optional(),
})

const newSecret = () => `whsec_${randomBytes(32).toString('hex')}`

function findWebhook(ctx: RouteContext): WebhookRec {
  const webhook = ctx.store.webhooks.get(param(ctx.params, 'id'))
  if (!webhook) throw notFound('Webhook')
  return webhook
}

export function webhookRoutes(router: Router): void {
  // Before /webhooks/{id}: the catalogue of event names, grouped by what they are about.
  router.get('/webhooks/events', () => ok(WEBHOOK_EVENTS, 'Webhook events retrieved successfully.'))

  crudRoutes(router, {
    path: '/webhooks',
    label: 'Webhook',
    idKind: 'webhook',
    records: (store) => store.webhooks,
    json: webhookJson,
    list: { pages: 'whole' },
    create: {
      schema: createWebhook,
      build: (input, base) => ({
        ...base,
        name: input.name,
        url: input.url,
        events: [...new Set(input.events)],
        isActive: input.is_active ?? true,
        secret: newSecret(),
        deliveries: [],
      }),
      reveal: (webhook) => ({ fields: { secret: webhook.secret }, message: 'Webhook created. Store the secret securely — it won\'t be shown again.' }),
    },
    update: {
      schema: updateWebhook,
      methods: ['PUT', 'PATCH'],
      apply: (webhook, input) => {
        if (input.name !== undefined) webhook.name = input.name
        if (input.url !== undefined) webhook.url = input.url
        if (input.events !== undefined) webhook.events = [...new Set(input.events)]
        if (input.is_active !== undefined) webhook.isActive = input.is_active
      },
    },
  })

  // A test event: delivered at once to the sandbox's imaginary receiver. A URL whose host
  // starts with "fail" answers 500, so the failing path can be shown too.
  router.post('/webhooks/{id}/test', (ctx) => {
    const webhook = findWebhook(ctx)
    const failing = new URL(webhook.url).hostname.startsWith('fail')
    const delivery: DeliveryRec = {
      id: ctx.world.ids.next('webhookDelivery'),
      event: 'webhook.test',
      responseStatus: failing ? 500 : 200,
      durationMs: 50 + (ctx.world.runtimeRandom.int(0, 400)),
      success: !failing,
      payload: { event: 'webhook.test', delivery_id: `test-${ctx.world.runtimeRandom.token(12)}`, timestamp: new Date(ctx.now).toISOString(), data: { message: 'This is a test event from SkyLight Chat.' } },
      createdAt: ctx.now,
    }
    webhook.deliveries.push(delivery)
    return ok(deliveryJson(delivery), failing ? 'Test event sent, but your endpoint did not answer with 2xx.' : 'Test event sent successfully.')
  })

  router.get('/webhooks/{id}/deliveries', (ctx) => {
    const webhook = findWebhook(ctx)
    const newestFirst = [...webhook.deliveries].sort((a, b) => b.createdAt - a.createdAt || b.id - a.id)
    return paginateArray(newestFirst, pageRequest(ctx.query, 15, 100), deliveryJson)
  })

  router.post('/webhooks/{id}/regenerate-secret', (ctx) => {
    const webhook = findWebhook(ctx)
    webhook.secret = newSecret()
    webhook.updatedAt = ctx.now
    return ok({ id: webhook.id, secret: webhook.secret }, 'Secret regenerated. The previous secret no longer works.')
  })
}
