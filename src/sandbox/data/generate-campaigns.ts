// Seeded campaigns in every status, with per-contact delivery matching their status.
import type { AccountStore } from './account-store'
import { buildRecipients, resolveAudience } from './campaigns'
import type { CampaignAudience, CampaignRec, CampaignStatus } from './model'
import type { Prng } from './prng'
import { messageText } from './message-text'
import { CAMPAIGN_NAMES } from './text'
import { DAY, HOUR } from './time'
import type { World } from './world'

const STATUS_CYCLE: readonly CampaignStatus[] = ['completed', 'running', 'paused', 'draft', 'cancelled']
/** Share of the audience already contacted, per status. */
const PROGRESS: Readonly<Record<CampaignStatus, number>> = { draft: 0, running: 0.4, paused: 0.6, completed: 1, cancelled: 0.3 }

function randomAudience(store: AccountStore, random: Prng): CampaignAudience {
  const audience: CampaignAudience = { contactIds: [], listIds: [], segmentIds: [] }
  const roll = random.next()
  if (roll < 0.4) audience.listIds = random.sample([...store.lists.keys()], random.int(1, 2)).sort((a, b) => a - b)
  else if (roll < 0.6) audience.segmentIds = random.sample([...store.segments.keys()], 1)
  if (roll >= 0.3 || (audience.listIds.length === 0 && audience.segmentIds.length === 0)) {
    audience.contactIds = random.sample(store.contactIds, random.int(3, 12)).sort((a, b) => a - b)
  }
  return audience
}

export function generateCampaigns(world: World, store: AccountStore, random: Prng, count: number, base: number): void {
  const whatsapp = store.channel('whatsapp')
  const telegram = store.channel('telegram')
  for (let i = 0; i < count; i++) {
    const status = STATUS_CYCLE[i % STATUS_CYCLE.length] as CampaignStatus
    const channel = random.chance(0.8) || !telegram ? whatsapp : telegram
    if (!channel) continue
    const audience = randomAudience(store, random)
    const createdAt = base - (count - i) * 3 * DAY - random.int(0, 12) * HOUR
    const startedAt = status === 'draft' ? null : createdAt + random.int(1, 20) * HOUR
    const isNewNumber = random.chance(0.25)
    const campaign: CampaignRec = {
      id: world.ids.next('campaign'),
      name: CAMPAIGN_NAMES[i % CAMPAIGN_NAMES.length] ?? `Campaign ${i + 1}`,
      status,
      channelId: channel.id,
      message: messageText(random),
      audience,
      isNewNumber,
      dailyLimit: isNewNumber ? 50 : 250,
      recipients: buildRecipients(world, resolveAudience(store, audience).contacts),
      startedAt,
      completedAt: null,
      createdAt,
      updatedAt: startedAt ?? createdAt,
    }
    const done = Math.round(campaign.recipients.length * PROGRESS[status])
    let at = startedAt ?? createdAt
    campaign.recipients.slice(0, done).forEach((r) => {
      at += random.int(1, 30) * 60_000
      const noPhone = channel.type === 'whatsapp' && r.phone === null
      r.status = noPhone ? 'failed' : 'sent'
      r.error = noPhone ? 'Contact has no phone number.' : null
      r.sentAt = noPhone ? null : at
    })
    if (status === 'completed') campaign.completedAt = at
    campaign.updatedAt = Math.max(campaign.updatedAt, at)
    store.campaigns.set(campaign.id, campaign)
  }
}
