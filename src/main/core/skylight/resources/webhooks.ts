// /webhooks (docs: rest-api/webhooks-api). The signing secret comes back only from create
// and regenerate-secret; callers get it apart from the webhook so it cannot ride along
// into a stored record by accident.
import { z } from 'zod'
import type { CallOptions, SkyLightClient } from '../client'
import { bool, id, int, nullable, timestamp } from '../schema'

const stringList = z
  .array(z.string())
  .nullish()
  .transform((v) => v ?? [])

export const webhook = z.object({
  id,
  name: z.string().nullish().transform((v) => v ?? ''),
  url: z.string(),
  events: stringList,
  is_active: bool.nullish().transform((v) => v ?? true),
  delivery_logs_count: nullable(int),
  created_at: nullable(timestamp),
  updated_at: nullable(timestamp),
})
export type Webhook = z.output<typeof webhook>

const withSecret = z.object({ secret: nullable(z.string()) }).passthrough()

/** One delivery attempt. The docs show no example; common spellings are read. */
export const webhookDelivery = z
  .object({
    id: nullable(id),
    event: nullable(z.string()),
    event_type: nullable(z.string()),
    response_status: nullable(int),
    status_code: nullable(int),
    duration_ms: nullable(int),
    response_time_ms: nullable(int),
    success: bool.nullish().transform((v) => v ?? null),
    payload: z.unknown().optional(),
    created_at: nullable(timestamp),
  })
  .transform((d) => ({
    id: d.id,
    event: d.event ?? d.event_type,
    status: d.response_status ?? d.status_code,
    durationMs: d.duration_ms ?? d.response_time_ms,
    success: d.success ?? (d.response_status ?? d.status_code ?? 0) < 300,
    payload: d.payload ?? null,
    createdAt: d.created_at,
  }))
export type WebhookDelivery = z.output<typeof webhookDelivery>

export interface WebhookEvent {
  name: string
  group: string
  description: string | null
}

const eventEntry = z.union([
  z.string().transform((name) => ({ name, description: null as string | null, group: null as string | null })),
  z
    .object({ name: z.string().optional(), event: z.string().optional(), description: nullable(z.string()), group: nullable(z.string()), resource: nullable(z.string()) })
    .transform((e) => ({ name: e.name ?? e.event ?? '', description: e.description, group: e.group ?? e.resource })),
])
/** Grouped ({group: [events]}) or flat; each event a name or an object. Groups default to the name's prefix. */
const eventCatalogue = z
  .union([z.array(eventEntry).transform((list) => [{ group: null as string | null, list }]), z.record(z.string(), z.array(eventEntry)).transform((g) => Object.entries(g).map(([group, list]) => ({ group, list })))])
  .transform((groups): WebhookEvent[] =>
    groups.flatMap(({ group, list }) =>
      list.filter((e) => e.name !== '').map((e) => ({ name: e.name, description: e.description, group: e.group ?? group ?? e.name.split('.')[0]! })),
    ),
  )

export interface WebhookInput {
  name: string
  url: string
  events: string[]
  is_active?: boolean
}

export function webhooksApi(client: SkyLightClient) {
  const path = (webhookId: number, rest = '') => `/webhooks/${webhookId}${rest}`
  return {
    /** The docs show it both whole and paged; a page number is harmless to a whole list. */
    list: (query: { page?: number } = {}, o?: CallOptions) => client.page({ method: 'GET', path: '/webhooks', query: { ...query }, ...o }, webhook),
    get: (webhookId: number, o?: CallOptions) => client.data({ method: 'GET', path: path(webhookId), ...o }, webhook),
    /** The webhook, and its signing secret apart (shown once by the server). */
    create: async (input: WebhookInput, o?: CallOptions) => {
      const data = await client.data({ method: 'POST', path: '/webhooks', json: input, ...o }, webhook.and(withSecret))
      const { secret, ...rest } = data
      return { webhook: webhook.parse(rest), secret: secret ?? null }
    },
    update: (webhookId: number, changes: Partial<WebhookInput>, o?: CallOptions) =>
      client.data({ method: 'PUT', path: path(webhookId), json: changes, ...o }, webhook),
    delete: (webhookId: number, o?: CallOptions) => client.send({ method: 'DELETE', path: path(webhookId), ...o }),
    test: (webhookId: number, o?: CallOptions) =>
      client.data({ method: 'POST', path: path(webhookId, '/test'), ...o }, webhookDelivery.nullable().catch(null)),
    deliveries: (webhookId: number, query: { page?: number; per_page?: number } = {}, o?: CallOptions) =>
      client.page({ method: 'GET', path: path(webhookId, '/deliveries'), query: { ...query }, ...o }, webhookDelivery),
    regenerateSecret: async (webhookId: number, o?: CallOptions) =>
      (await client.data({ method: 'POST', path: path(webhookId, '/regenerate-secret'), ...o }, z.object({ secret: z.string() }).passthrough())).secret,
    events: (o?: CallOptions) => client.data({ method: 'GET', path: '/webhooks/events', ...o }, eventCatalogue),
  }
}
