// Start, pause, resume or cancel a campaign. The campaign is read first, so a command the
// campaign's state no longer allows (it changed elsewhere meanwhile) fails with that
// explanation. Commands are not repeatable (a second start is refused), so an unknown
// outcome is settled by reading the campaign's status.
import { z } from 'zod'
import { ValidationError } from '../../skylight'
import type { Campaign } from '../../skylight/resources/campaigns'
import { patchRow, saveCampaignIfUnheld } from '../../store'
import { notInState } from './campaign-fields'
import type { ActionDef } from './define'
import { hold, release } from './hold'
import { t } from '../../language'

const commands = {
  start: { from: ['draft'], to: 'running', wanted: 'a draft', doing: 'started' },
  pause: { from: ['running'], to: 'paused', wanted: 'running', doing: 'paused' },
  resume: { from: ['paused'], to: 'running', wanted: 'paused', doing: 'resumed' },
  cancel: { from: ['running', 'paused'], to: 'cancelled', wanted: 'running or paused', doing: 'cancelled' },
} as const

const schema = z.object({
  campaignId: z.number().int(),
  command: z.enum(['start', 'pause', 'resume', 'cancel']),
  previousStatus: z.string().optional(),
})
export type CampaignCommandPayload = z.output<typeof schema>

/**
 * Did this command take effect? A started campaign may already have paused or completed.
 * Judged by status alone, never by the local clock: a start is only sent after reading the
 * campaign as a draft, and a campaign never returns to draft.
 */
function tookEffect(c: Campaign, p: CampaignCommandPayload): boolean {
  if (p.command === 'start') return c.status !== 'draft'
  return c.status === commands[p.command].to || (p.command !== 'cancel' && c.status === 'completed')
}

export const campaignCommandAction: ActionDef<CampaignCommandPayload> = {
  kind: 'campaign-command',
  payload: { current: 1, schema },
  lane: (p) => `campaign:${p.campaignId}`,
  summary: (p, names) => {
    const campaign = names('campaign', p.campaignId)
    const words = { start: t().summary_start, pause: t().summary_pause, resume: t().summary_resume, cancel: t().summary_cancel }
    return words[p.command]({ campaign })
  },
  repeatable: false,
  resources: ['campaigns'],
  apply(db, p, { hold: holding }) {
    const before = patchRow(db, 'campaign', p.campaignId, { status: commands[p.command].to })
    if (holding) hold(db, { kind: 'campaign', id: p.campaignId })
    return { ...p, previousStatus: p.previousStatus ?? before.status }
  },
  rollback(db, p) {
    if (p.previousStatus) patchRow(db, 'campaign', p.campaignId, { status: p.previousStatus })
    release(db, { kind: 'campaign', id: p.campaignId })
  },
  async send(ctx, p) {
    const rule = commands[p.command]
    const current = await ctx.api.campaigns.get(p.campaignId, ctx.call)
    if (!(rule.from as readonly string[]).includes(current.status)) {
      throw new ValidationError(notInState(current.name, current.status, rule.wanted, rule.doing), 409)
    }
    const after = await ctx.api.campaigns.command(p.campaignId, p.command, ctx.call)
    return { serverId: p.campaignId, record: after ?? undefined }
  },
  settledByState: true,
  async reconcile(ctx, p) {
    const current = await ctx.api.campaigns.get(p.campaignId, ctx.call)
    return tookEffect(current, p) ? { serverId: p.campaignId, record: current } : null
  },
  confirm(db, p, result) {
    release(db, { kind: 'campaign', id: p.campaignId })
    if (result.record) saveCampaignIfUnheld(db, result.record as Campaign)
  },
}
