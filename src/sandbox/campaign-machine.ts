// The campaign life cycle as a table: which action moves which status where.
// Anything else is refused with a sentence a user can act on (sent as a 422).
import type { CampaignRec, CampaignStatus } from './data/model'

export type CampaignAction = 'start' | 'pause' | 'resume' | 'cancel'

interface Transition {
  from: readonly CampaignStatus[]
  to: CampaignStatus
  /** "Only draft campaigns can be started." */
  rule: string
}

const TRANSITIONS: Readonly<Record<CampaignAction, Transition>> = {
  start: { from: ['draft'], to: 'running', rule: 'Only draft campaigns can be started.' },
  pause: { from: ['running'], to: 'paused', rule: 'Only running campaigns can be paused.' },
  resume: { from: ['paused'], to: 'running', rule: 'Only paused campaigns can be resumed.' },
  // The docs draw cancel from paused only; a running campaign can obviously be stopped too.
  // A draft is deleted rather than cancelled.
  cancel: { from: ['running', 'paused'], to: 'cancelled', rule: 'Only running or paused campaigns can be cancelled.' },
}

export const CAMPAIGN_ACTIONS = Object.keys(TRANSITIONS) as CampaignAction[]

export type Verdict = { ok: true } | { ok: false; message: string }

const refuse = (rule: string, status: CampaignStatus): Verdict => ({
  ok: false,
  message: `${rule} This campaign is ${status}.`,
})

export function checkTransition(campaign: CampaignRec, action: CampaignAction): Verdict {
  const t = TRANSITIONS[action]
  return t.from.includes(campaign.status) ? { ok: true } : refuse(t.rule, campaign.status)
}

/** Applies an already checked transition and stamps the times that go with it. */
export function applyTransition(campaign: CampaignRec, action: CampaignAction, now: number): void {
  campaign.status = TRANSITIONS[action].to
  campaign.updatedAt = now
  if (action === 'start') campaign.startedAt = now
}

export function checkEdit(campaign: CampaignRec): Verdict {
  return campaign.status === 'draft' ? { ok: true } : refuse('Only draft campaigns can be edited.', campaign.status)
}

export function checkDelete(campaign: CampaignRec): Verdict {
  return campaign.status === 'draft' || campaign.status === 'cancelled'
    ? { ok: true }
    : refuse('Only draft or cancelled campaigns can be deleted.', campaign.status)
}

/** running → completed happens on its own once nobody is left pending. */
export function completeIfDone(campaign: CampaignRec, now: number): boolean {
  if (campaign.status !== 'running') return false
  if (campaign.recipients.some((r) => r.status === 'pending')) return false
  campaign.status = 'completed'
  campaign.completedAt = now
  campaign.updatedAt = now
  return true
}
