// What the user may do with a campaign now — the campaign state machine, decided here and
// only here (the interface asks) — and why "start" is not possible when it is not.
import { eq } from 'drizzle-orm'
import type { CampaignCommand } from '../skylight/resources/campaigns'
import { audienceCount, type CampaignDetail, type StoreDb } from '../store'
import { campaigns } from '../store/schema/campaigns'
import { channels } from '../store/schema/account'
import { t } from '../language'

export interface CampaignActions {
  /** The commands SkyLight accepts from its status (a draft is deleted, not cancelled). */
  commands: CampaignCommand[]
  /** Contacts it would reach now: its contacts, lists and segments, once each, blacklisted left out. */
  recipients: number
  /** Why a draft cannot be started yet, in words the user can act on; empty when it can. */
  startBlockers: string[]
}

export function commandsFor(status: string): CampaignCommand[] {
  switch (status) {
    case 'draft':
      return ['start']
    case 'running':
      return ['pause', 'cancel']
    case 'paused':
      return ['resume', 'cancel']
    default:
      return []
  }
}

export function campaignActions(db: StoreDb, detail: CampaignDetail): CampaignActions {
  const recipients = audienceCount(db, { contactIds: detail.contactIds, listIds: detail.listIds, segmentIds: detail.segmentIds })
  const commands = commandsFor(detail.status)
  const startBlockers: string[] = []
  if (commands.includes('start')) {
    if (detail.id < 0) startBlockers.push(t().start_not_synced())
    if (recipients === 0) startBlockers.push(t().start_no_recipients())
    const channelId = db.select({ channelId: campaigns.channelId }).from(campaigns).where(eq(campaigns.id, detail.id)).get()?.channelId
    const channel = channelId == null ? undefined : db.select().from(channels).where(eq(channels.serverId, channelId)).get()
    if (!channel) startBlockers.push(t().start_no_channel())
    else if (!channel.isConnected) startBlockers.push(t().start_channel_down({ channel: detail.channelName ?? channel.type }))
  }
  return { commands, recipients, startBlockers }
}
