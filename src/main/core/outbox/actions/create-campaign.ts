// Create a campaign draft. POST without idempotency key: an unknown outcome is settled by
// looking for a campaign of the same name and message among the newest.
import { checkPlanLimit } from '../../plan-limits'
import { z } from 'zod'
import { campaign } from '../../skylight/resources/campaigns'
import { describeLocalDraft, insertLocalCampaign, rekeyCampaign, removeRow } from '../../store'
import { findCreatedCampaign, newestCampaignId } from '../reconcile'
import { campaignChanges, campaignFields } from './campaign-fields'
import { quote, type ActionDef } from './define'
import { release } from './hold'
import { t } from '../../language'

const schema = campaignFields.extend({ localId: z.number().int().negative() })
export type CreateCampaignPayload = z.output<typeof schema>

export const createCampaignAction: ActionDef<CreateCampaignPayload> = {
  kind: 'create-campaign',
  payload: { current: 1, schema },
  lane: (p) => `campaign:${p.localId}`,
  summary: (p) => t().summary_create_campaign({ name: quote(p.name) }),
  repeatable: false,
  resources: ['campaigns'],
  creates: { entity: 'campaign', localId: (p) => p.localId },
  apply(db, p) {
    checkPlanLimit(db, 'campaigns')
    insertLocalCampaign(db, {
      id: p.localId,
      name: p.name,
      message: p.message,
      channelId: p.channel_id,
      contactIds: p.contact_ids,
      listIds: p.list_ids,
      segmentIds: p.segment_ids,
      isNewNumber: p.is_new_number,
      createdAt: new Date().toISOString(),
    })
    // Its channel by name and its recipients show at once, not after SkyLight has it.
    describeLocalDraft(db, p.localId)
    return p
  },
  rollback(db, p) {
    removeRow(db, 'campaign', p.localId)
  },
  async send(ctx, p) {
    const { localId: _localId, ...input } = p
    const created = await ctx.api.campaigns.create(input, ctx.call)
    return { serverId: created.id, record: created }
  },
  observe: (ctx) => newestCampaignId(ctx),
  async reconcile(ctx, p) {
    const found = await findCreatedCampaign(ctx, p)
    return found ? { serverId: found.id, record: found } : null
  },
  confirm(db, p, result) {
    const created = campaign.safeParse(result.record)
    if (!created.success) return
    rekeyCampaign(db, p.localId, created.data)
    release(db, { kind: 'campaign', id: created.data.id })
  },
  edit: (p, changes) => ({ ...p, ...campaignChanges.parse(changes) }),
}
