// Campaigns: CRUD on drafts, the start/pause/resume/cancel life cycle and per-contact delivery.
import { z } from 'zod'
import { applyTransition, CAMPAIGN_ACTIONS, checkDelete, checkEdit, checkTransition, completeIfDone, type Verdict } from '../campaign-machine'
import type { AccountStore } from '../data/account-store'
import { buildRecipients, resolveAudience } from '../data/campaigns'
import type { CampaignAudience, CampaignRec } from '../data/model'
import { campaignContactJson, campaignJson } from '../data/serialize'
import type { World } from '../data/world'
import { pageRequest, paginateArray } from '../http/pagination'
import { created, fail, noContent, ok, validationFailed } from '../http/respond'
import type { Router } from '../http/router'
import { boolean, integer, integerArray, queryEnum, requiredString, validate } from '../http/validate'
import { findCampaign, param } from './lookup'

// The docs' create table stops after `channel_id`; the other fields are this sandbox's reading.
const campaignFields = {
  name: requiredString('name'),
  channel_id: integer('channel_id'),
  message: requiredString('message', 4096),
  contact_ids: integerArray('contact_ids'),
  list_ids: integerArray('list_ids'),
  segment_ids: integerArray('segment_ids'),
  is_new_number: boolean('is_new_number').optional(),
}
const createCampaign = z.object(campaignFields)
const updateCampaign = z.object({
  ...campaignFields,
  name: campaignFields.name.optional(),
  channel_id: campaignFields.channel_id.optional(),
  message: campaignFields.message.optional(),
})

const STATUSES = ['draft', 'running', 'paused', 'completed', 'cancelled'] as const
const ACTION_MESSAGES = { start: 'Campaign started.', pause: 'Campaign paused.', resume: 'Campaign resumed.', cancel: 'Campaign cancelled.' }

function refuse(verdict: Verdict): void {
  if (!verdict.ok) throw fail(422, verdict.message)
}

/** Checks the channel and audience ids; returns the recipients or throws a 422 naming the bad fields. */
function checkedRecipients(world: World, store: AccountStore, channelId: number, audience: CampaignAudience) {
  const errors: Record<string, string[]> = {}
  if (!store.channels.some((c) => c.id === channelId)) errors.channel_id = ['The selected channel id is invalid.']
  const { contacts, unknown } = resolveAudience(store, audience)
  const fields = [['contact_ids', audience.contactIds], ['list_ids', audience.listIds], ['segment_ids', audience.segmentIds]] as const
  for (const [field, requested] of fields) {
    for (const id of unknown[field]) {
      const index = requested.indexOf(id)
      errors[`${field}.${index}`] = [`The selected ${field}.${index} is invalid.`]
    }
  }
  const asked = audience.contactIds.length + audience.listIds.length + audience.segmentIds.length
  if (asked === 0) errors.contact_ids = ['At least one recipient is required: give contact_ids, list_ids or segment_ids.']
  else if (Object.keys(errors).length === 0 && contacts.length === 0) {
    errors.contact_ids = ['The selected audience has no contacts that can receive messages (blacklisted contacts are excluded).']
  }
  if (Object.keys(errors).length > 0) throw validationFailed(errors)
  return buildRecipients(world, contacts)
}

const unique = (ids: number[] | undefined) => [...new Set(ids ?? [])]

export function campaignRoutes(router: Router): void {
  router.get('/campaigns', ({ store, query, now }) => {
    const status = queryEnum(query, 'status', STATUSES)
    const rows = [...store.campaigns.values()].filter((c) => !status || c.status === status).sort((a, b) => b.id - a.id)
    return paginateArray(rows, pageRequest(query, 25, 100), (c) => campaignJson(store, c, now))
  })

  router.post('/campaigns', ({ world, store, body, now }) => {
    const input = validate(createCampaign, body)
    const audience = { contactIds: unique(input.contact_ids), listIds: unique(input.list_ids), segmentIds: unique(input.segment_ids) }
    const recipients = checkedRecipients(world, store, input.channel_id, audience)
    const isNewNumber = input.is_new_number ?? false
    const campaign: CampaignRec = {
      id: world.ids.next('campaign'),
      name: input.name,
      status: 'draft',
      channelId: input.channel_id,
      message: input.message,
      audience,
      isNewNumber,
      // Warm-up mode sends less per day; the limit is reported, not enforced.
      dailyLimit: isNewNumber ? 50 : 250,
      recipients,
      startedAt: null,
      completedAt: null,
      createdAt: now,
      updatedAt: now,
    }
    store.campaigns.set(campaign.id, campaign)
    return created(campaignJson(store, campaign, now), 'Campaign created successfully.')
  })

  router.get('/campaigns/{id}', ({ store, params, now }) => ok(campaignJson(store, findCampaign(store, param(params, 'id')), now)))

  router.put('/campaigns/{id}', ({ world, store, params, body, now }) => {
    const campaign = findCampaign(store, param(params, 'id'))
    refuse(checkEdit(campaign))
    const input = validate(updateCampaign, body)
    const audience = {
      contactIds: input.contact_ids ? unique(input.contact_ids) : campaign.audience.contactIds,
      listIds: input.list_ids ? unique(input.list_ids) : campaign.audience.listIds,
      segmentIds: input.segment_ids ? unique(input.segment_ids) : campaign.audience.segmentIds,
    }
    const channelId = input.channel_id ?? campaign.channelId
    campaign.recipients = checkedRecipients(world, store, channelId, audience)
    campaign.audience = audience
    campaign.channelId = channelId
    if (input.name !== undefined) campaign.name = input.name
    if (input.message !== undefined) campaign.message = input.message
    if (input.is_new_number !== undefined) {
      campaign.isNewNumber = input.is_new_number
      campaign.dailyLimit = input.is_new_number ? 50 : 250
    }
    campaign.updatedAt = now
    return ok(campaignJson(store, campaign, now), 'Campaign updated successfully.')
  })

  router.delete('/campaigns/{id}', ({ store, params }) => {
    const campaign = findCampaign(store, param(params, 'id'))
    refuse(checkDelete(campaign))
    store.campaigns.delete(campaign.id)
    return noContent()
  })

  for (const action of CAMPAIGN_ACTIONS) {
    router.post(`/campaigns/{id}/${action}`, ({ world, store, params, now }) => {
      const campaign = findCampaign(store, param(params, 'id'))
      refuse(checkTransition(campaign, action))
      if (action === 'start') {
        // The audience is taken again at start: lists and segments may have changed since the draft.
        campaign.recipients = buildRecipients(world, resolveAudience(store, campaign.audience).contacts)
      }
      applyTransition(campaign, action, now)
      completeIfDone(campaign, now)
      return ok(campaignJson(store, campaign, now), ACTION_MESSAGES[action])
    })
  }

  router.get('/campaigns/{id}/contacts', ({ store, params, query }) => {
    const campaign = findCampaign(store, param(params, 'id'))
    const status = queryEnum(query, 'status', ['pending', 'sent', 'failed'] as const)
    const rows = status ? campaign.recipients.filter((r) => r.status === status) : campaign.recipients
    return paginateArray(rows, pageRequest(query, 25, 100), campaignContactJson)
  })
}
