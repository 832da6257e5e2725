// Campaigns, re-read whole; a campaign's per-contact delivery rows are its children.
import { campaignCommandAction } from '../outbox/actions/campaign-command'
import { createCampaignAction } from '../outbox/actions/create-campaign'
import { deleteCampaignAction } from '../outbox/actions/delete-campaign'
import { updateCampaignAction } from '../outbox/actions/update-campaign'
import { syncCampaigns } from '../sync/steps/campaigns'
import { defineResource } from './define'

export const campaignsResource = defineResource({
  name: 'campaigns',
  pattern: 'whole',
  endpoints: [
    'GET /campaigns',
    'POST /campaigns',
    'PUT /campaigns/{id}',
    'DELETE /campaigns/{id}',
    'POST /campaigns/{id}/start',
    'POST /campaigns/{id}/pause',
    'POST /campaigns/{id}/resume',
    'POST /campaigns/{id}/cancel',
    'GET /campaigns/{id}/contacts',
  ],
  fullPass: (ctx) => syncCampaigns(ctx, true),
  fullPassStep: 4,
  refresh: { step: (ctx) => syncCampaigns(ctx, false), cadence: 'every-refresh' },
  actions: [createCampaignAction, updateCampaignAction, deleteCampaignAction, campaignCommandAction],
})
