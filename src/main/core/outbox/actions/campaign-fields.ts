// The editable fields of a campaign as the API names them, and as the store's row names them.
import { z } from 'zod'
import { t } from '../../language'

const ids = z.array(z.number().int())

export const campaignFields = z.object({
  name: z.string().trim().min(1, { error: () => t().campaign_give_name() }).max(255, { error: () => t().agents_name_max({ max: 255 }) }),
  message: z.string().trim().min(1, { error: () => t().campaign_write_message() }).max(4096, { error: () => t().webchat_message_max({ max: 4096 }) }),
  channel_id: z.number().int(),
  contact_ids: ids.default([]),
  list_ids: ids.default([]),
  segment_ids: ids.default([]),
  is_new_number: z.boolean().default(false),
})
export type CampaignFields = z.output<typeof campaignFields>

export const campaignChanges = z
  .object({
    name: campaignFields.shape.name,
    message: campaignFields.shape.message,
    channel_id: campaignFields.shape.channel_id,
    contact_ids: ids,
    list_ids: ids,
    segment_ids: ids,
    is_new_number: z.boolean(),
  })
  .partial()
export type CampaignChanges = z.output<typeof campaignChanges>

/** API field names → the store row's. */
export function campaignRowFields(changes: CampaignChanges) {
  return {
    name: changes.name,
    message: changes.message,
    channelId: changes.channel_id,
    contactIds: changes.contact_ids,
    listIds: changes.list_ids,
    segmentIds: changes.segment_ids,
    isNewNumber: changes.is_new_number,
  }
}

/** Why a queued command or edit was not sent: the campaign moved on elsewhere meanwhile. */
export function notInState(name: string, status: string, wanted: string, doing: string): string {
  return `“${name}” is ${status} on SkyLight now, so it could not be ${doing}: that needs a campaign that is ${wanted}. It was probably changed from another device; nothing was sent.`
}
