// Delete a campaign (SkyLight allows it for drafts and cancelled ones). Removed at once,
// put back if refused.
import { z } from 'zod'
import { removeRow, restoreRow, type RowSnapshot } from '../../store'
import type { ActionDef } from './define'
import { gone } from './hold'

const schema = z.object({
  campaignId: z.number().int(),
  snapshot: z.record(z.string(), z.unknown()).nullish(),
})
export type DeleteCampaignPayload = z.output<typeof schema>

export const deleteCampaignAction: ActionDef<DeleteCampaignPayload> = {
  kind: 'delete-campaign',
  payload: { current: 1, schema },
  lane: (p) => `campaign:${p.campaignId}`,
  summary: (p) => `Delete campaign ${p.snapshot?.name ? `“${String(p.snapshot.name)}”` : p.campaignId}`,
  repeatable: true,
  resources: ['campaigns'],
  apply(db, p) {
    const snapshot = removeRow(db, 'campaign', p.campaignId)
    return { ...p, snapshot: p.snapshot ?? snapshot }
  },
  rollback(db, p) {
    if (p.snapshot) restoreRow(db, 'campaign', { ...(p.snapshot as RowSnapshot<'campaign'>), id: p.campaignId, localRevision: 0 })
  },
  async send(ctx, p) {
    await gone(ctx.api.campaigns.delete(p.campaignId, ctx.call))
    return { serverId: p.campaignId }
  },
  confirm() {},
}
