// What the user may do with a campaign now — the campaign state machine, decided here and
// only here (the interface asks) — and why "start" is not possible when it is not.
import { eq } from 'drizzle-orm'
import type { CampaignCommand } from '../skylight/resources/campaigns'
import { audienceCount, type CampaignDetail, type StoreDb } from '../store'
import { campaigns } from '../store/schema/campaigns'
import { channels } from '../store/schema/account'

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
    if (detail.id < 0) startBlockers.push('The draft has not reached SkyLight yet. It can be started once it has (when you are back online).')
    if (recipients === 0) startBlockers.push('It has no recipients: choose contacts, lists or segments (blacklisted contacts are left out).')
    const channelId = db.select({ channelId: campaigns.channelId }).from(campaigns).where(eq(campaigns.id, detail.id)).get()?.channelId
    const channel = channelId == null ? undefined : db.select().from(channels).where(eq(channels.serverId, channelId)).get()
    if (!channel) startBlockers.push('Its channel is not one of this account’s channels: choose a channel.')
    else if (!channel.isConnected) startBlockers.push(`Its channel (${detail.channelName ?? channel.type}) is not connected: connect it in SkyLight first.`)
  }
  return { commands, recipients, startBlockers }
}
