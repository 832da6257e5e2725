// /campaigns: outreach campaigns and their per-contact delivery.
// The docs' create body was cut off after name and channel_id; message and the audience
// fields (contact_ids, list_ids, segment_ids) follow what the docs describe in prose.
import { z } from 'zod'
import type { CallOptions, SkyLightClient } from '../client'
import { bool, id, int, looseEnum, nullable, timestamp } from '../schema'
import { channelTypes } from './account'

export const campaignStatuses = ['draft', 'running', 'paused', 'completed', 'cancelled'] as const
export const deliveryStatuses = ['pending', 'sent', 'delivered', 'read', 'failed'] as const

const count = int.nullish().transform((v) => v ?? 0)
const ids = z
  .array(id)
  .nullish()
  .transform((v) => v ?? [])

export const campaign = z.object({
  id,
  name: z.string().nullish().transform((v) => v ?? ''),
  status: looseEnum(campaignStatuses),
  message: nullable(z.string()),
  contact_ids: ids,
  list_ids: ids,
  segment_ids: ids,
  total_contacts: count,
  success_count: count,
  failed_count: count,
  progress_percentage: count,
  campaign_day: nullable(int),
  messages_sent_today: nullable(int),
  daily_limit: nullable(int),
  remaining_today: nullable(int),
  is_new_number: bool.nullish().transform((v) => v ?? false),
  client_setting: nullable(z.object({ id: nullable(id), name: nullable(z.string()), type: nullable(looseEnum(channelTypes)) })),
  campaign_contacts_count: count,
  sent_contacts_count: count,
  failed_contacts_count: count,
  pending_contacts_count: count,
  started_at: nullable(timestamp),
  completed_at: nullable(timestamp),
  created_at: nullable(timestamp),
  updated_at: nullable(timestamp),
})
export type Campaign = z.output<typeof campaign>

/** A delivery row. The docs name the contact's name `name`; `contact_name` (as conversations say it) is read too. */
export const campaignContact = z
  .object({
    id: nullable(id),
    contact_id: id,
    name: nullable(z.string()),
    contact_name: nullable(z.string()),
    phone: nullable(z.string()),
    status: looseEnum(deliveryStatuses),
    sent_at: nullable(timestamp),
    error: nullable(z.string()),
  })
  .transform(({ name, contact_name, ...row }) => ({ ...row, contact_name: name ?? contact_name }))
export type CampaignContact = z.output<typeof campaignContact>

export interface CampaignInput {
  name: string
  channel_id: number
  message: string
  contact_ids?: number[]
  list_ids?: number[]
  segment_ids?: number[]
  is_new_number?: boolean
}

export type CampaignCommand = 'start' | 'pause' | 'resume' | 'cancel'

export function campaignsApi(client: SkyLightClient) {
  const path = (campaignId: number, rest = '') => `/campaigns/${campaignId}${rest}`
  return {
    list: (query: { page?: number; per_page?: number; status?: string } = {}, o?: CallOptions) =>
      client.page({ method: 'GET', path: '/campaigns', query: { ...query }, ...o }, campaign),
    get: (campaignId: number, o?: CallOptions) => client.data({ method: 'GET', path: path(campaignId), ...o }, campaign),
    create: (input: CampaignInput, o?: CallOptions) =>
      client.data({ method: 'POST', path: '/campaigns', json: input, ...o }, campaign),
    /** Only drafts can be edited; anything else is refused with a ValidationError. */
    update: (campaignId: number, changes: Partial<CampaignInput>, o?: CallOptions) =>
      client.data({ method: 'PUT', path: path(campaignId), json: changes, ...o }, campaign),
    delete: (campaignId: number, o?: CallOptions) => client.send({ method: 'DELETE', path: path(campaignId), ...o }),
    /** start / pause / resume / cancel; a command the campaign's state does not allow is refused. */
    command: (campaignId: number, command: CampaignCommand, o?: CallOptions) =>
      client.data({ method: 'POST', path: path(campaignId, `/${command}`), ...o }, campaign.or(z.unknown().transform(() => null))),
    contacts: (campaignId: number, query: { page?: number; per_page?: number; status?: string } = {}, o?: CallOptions) =>
      client.page({ method: 'GET', path: path(campaignId, '/contacts'), query: { ...query }, ...o }, campaignContact),
  }
}
