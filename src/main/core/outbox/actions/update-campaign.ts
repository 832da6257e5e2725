// Edit a campaign draft. The campaign is read first: if it is no longer a draft (started
// or cancelled elsewhere meanwhile) the edit fails with that explanation instead of a bare
// refusal. Consecutive edits of one draft, or edits of a draft not yet created, are merged.
import { z } from 'zod'
import { ValidationError } from '../../skylight'
import { describeLocalDraft, patchRow, saveCampaignIfUnheld } from '../../store'
import { campaignChanges, campaignRowFields, notInState } from './campaign-fields'
import { quote, type ActionDef } from './define'
import { hold, release } from './hold'
import { t } from '../../language'

const schema = z.object({
  campaignId: z.number().int(),
  changes: campaignChanges,
  /** Row fields before the first merged edit, put back if it fails. */
  previous: z.record(z.string(), z.unknown()).default({}),
})
export type UpdateCampaignPayload = z.output<typeof schema>

const audienceChanged = (c: UpdateCampaignPayload['changes']) =>
  c.channel_id !== undefined || c.contact_ids !== undefined || c.list_ids !== undefined || c.segment_ids !== undefined

export const updateCampaignAction: ActionDef<UpdateCampaignPayload> = {
  kind: 'update-campaign',
  payload: { current: 1, schema },
  lane: (p) => `campaign:${p.campaignId}`,
  summary: (p, names) =>
    t().summary_edit({ what: p.changes.name ? t().summary_named({ noun: t().noun_campaign(), name: quote(p.changes.name) }) : names('campaign', p.campaignId) }),
  repeatable: true,
  resources: ['campaigns'],
  apply(db, p, { hold: holding }) {
    const before = patchRow(db, 'campaign', p.campaignId, campaignRowFields(p.changes))
    // A new channel or audience shows at once (recipients as this copy knows them).
    if (audienceChanged(p.changes)) describeLocalDraft(db, p.campaignId)
    if (holding) hold(db, { kind: 'campaign', id: p.campaignId })
    return { ...p, previous: { ...before, ...p.previous } }
  },
  rollback(db, p) {
    patchRow(db, 'campaign', p.campaignId, p.previous)
    if (audienceChanged(p.changes)) describeLocalDraft(db, p.campaignId)
    release(db, { kind: 'campaign', id: p.campaignId })
  },
  async send(ctx, p) {
    const current = await ctx.api.campaigns.get(p.campaignId, ctx.call)
    if (current.status !== 'draft') {
      throw new ValidationError(notInState(current.name, current.status, 'a draft', 'edited'), 409)
    }
    const saved = await ctx.api.campaigns.update(p.campaignId, p.changes, ctx.call)
    return { serverId: saved.id, record: saved }
  },
  confirm(db, p, result) {
    release(db, { kind: 'campaign', id: p.campaignId })
    const saved = result.record as Parameters<typeof saveCampaignIfUnheld>[1] | undefined
    if (saved) saveCampaignIfUnheld(db, saved)
  },
  coalesce(queued, next) {
    const q = queued.payload as { campaignId?: number; localId?: number; changes?: object }
    if (queued.kind === 'update-campaign' && q.campaignId === next.campaignId) {
      return { ...q, changes: { ...q.changes, ...next.changes } }
    }
    if (queued.kind === 'create-campaign' && q.localId === next.campaignId) return { ...q, ...next.changes }
    return null
  },
  edit: (p, changes) => ({ ...p, changes: { ...p.changes, ...campaignChanges.parse(changes) } }),
}
