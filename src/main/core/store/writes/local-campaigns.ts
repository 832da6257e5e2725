// What a campaign draft written here shows before SkyLight has it: its channel by name
// and its recipients, as pending delivery rows worked out from the local copy the way the
// server does (the chosen contacts, lists and segments, each person once, blacklisted
// contacts left out). The server's own rows replace them at the next read.
import { eq, sql } from 'drizzle-orm'
import type { StoreDb } from '../db'
import { channels } from '../schema/account'
import { campaignContacts, campaigns } from '../schema/campaigns'

/** Fills the draft's channel and recipients from its stored audience. */
export function describeLocalDraft(db: StoreDb, campaignId: number): void {
  const row = db
    .select({ channelId: campaigns.channelId, contactIds: campaigns.contactIds, listIds: campaigns.listIds, segmentIds: campaigns.segmentIds, status: campaigns.status })
    .from(campaigns)
    .where(eq(campaigns.id, campaignId))
    .get()
  if (!row || row.status !== 'draft') return
  const channel = row.channelId === null ? undefined : db.select().from(channels).where(eq(channels.serverId, row.channelId)).get()
  const ids = (values: readonly number[]) => JSON.stringify(values)
  db.delete(campaignContacts).where(eq(campaignContacts.campaignId, campaignId)).run()
  // One statement whatever the audience's size (ids travel as one JSON parameter each).
  const recipients = db.run(sql`
    INSERT INTO campaign_contacts (campaign_id, contact_id, contact_name, phone, status)
    SELECT ${campaignId}, id, name, phone, 'pending' FROM contacts
    WHERE blacklisted = 0 AND id IN (
      SELECT value FROM json_each(${ids(row.contactIds)})
      UNION SELECT contact_id FROM list_members WHERE list_id IN (SELECT value FROM json_each(${ids(row.listIds)}))
      UNION SELECT contact_id FROM segment_members WHERE segment_id IN (SELECT value FROM json_each(${ids(row.segmentIds)}))
    )`).changes
  db.update(campaigns)
    .set({
      ...(channel ? { channelType: channel.type, channelName: channel.username } : {}),
      totalContacts: recipients,
      campaignContactsCount: recipients,
      pendingContactsCount: recipients,
    })
    .where(eq(campaigns.id, campaignId))
    .run()
}
