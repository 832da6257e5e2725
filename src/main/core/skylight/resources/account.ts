// GET/PATCH /account, /account/subscription, /account/channels.
// The docs show two generations of the account profile (name/email/locale, later
// company_name/slug/country/primary_user); both are accepted and `display_name` picks one.
import { z } from 'zod'
import type { CallOptions, SkyLightClient } from '../client'
import { bool, id, int, looseEnum, nullable, timestamp } from '../schema'

export const channelTypes = ['whatsapp', 'telegram', 'instagram'] as const

export const account = z
  .object({
    id,
    name: nullable(z.string()),
    company_name: nullable(z.string()),
    email: nullable(z.string()),
    timezone: nullable(z.string()),
    locale: nullable(z.string()),
    address: nullable(z.string()),
    country: nullable(z.object({ id, name: nullable(z.string()), code: nullable(z.string()) })),
    status: nullable(z.union([z.string(), z.number()])),
    created_at: nullable(timestamp),
    primary_user: nullable(
      z.object({ first_name: nullable(z.string()), last_name: nullable(z.string()), email: nullable(z.string()) }),
    ),
  })
  .transform((a) => ({
    ...a,
    display_name: a.company_name ?? a.name ?? `Account ${a.id}`,
    contact_email: a.email ?? a.primary_user?.email ?? null,
  }))
export type Account = z.output<typeof account>

const limit = z.object({ max: nullable(int), used: nullable(int) })
export const subscription = z.object({
  plan: nullable(z.object({ id: nullable(id), name: nullable(z.string()), slug: nullable(z.string()) })),
  status: nullable(z.string()),
  expires_at: nullable(timestamp),
  limits: z.record(z.string(), limit).nullish().transform((l) => l ?? {}),
  features: z.record(z.string(), bool).nullish().transform((f) => f ?? {}),
})
export type Subscription = z.output<typeof subscription>

export const channel = z.object({
  id: nullable(id),
  type: looseEnum(channelTypes),
  username: nullable(z.string()),
  is_connected: bool.nullish().transform((v) => v ?? false),
  sync_status: nullable(z.string()),
  last_synced_at: nullable(timestamp),
})
export type Channel = z.output<typeof channel>

// Either a list of channels or an object keyed by channel type; the docs show no example.
const channels = z.union([
  z.array(channel),
  z
    .record(z.string(), z.object({}).passthrough())
    .transform((byType) => Object.entries(byType).map(([type, value]) => ({ type, ...value })))
    .pipe(z.array(channel)),
])

export interface AccountUpdate {
  company_name?: string
  name?: string
  timezone?: string
  locale?: string
  address?: string
  country_id?: number
}

export function accountApi(client: SkyLightClient) {
  return {
    get: (o?: CallOptions) => client.data({ method: 'GET', path: '/account', ...o }, account),
    update: async (changes: AccountUpdate, o?: CallOptions) => {
      // The newer API answers without data; re-read so callers always get the account.
      await client.send({ method: 'PATCH', path: '/account', json: changes, ...o })
      return client.data({ method: 'GET', path: '/account', ...o }, account)
    },
    subscription: (o?: CallOptions) => client.data({ method: 'GET', path: '/account/subscription', ...o }, subscription),
    channels: (o?: CallOptions) => client.data({ method: 'GET', path: '/account/channels', ...o }, channels),
  }
}
