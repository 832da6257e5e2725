// The campaign state machine lives in the core: what each status allows, how many it would
// reach, and why a draft cannot start yet — the interface only shows it.
import { describe, expect, it } from 'vitest'
import { campaignActions, commandsFor } from '../../src/main/core/campaigns/commands'
import { getCampaign, replaceChannels, upsertContacts } from '../../src/main/core/store'
import { harness } from './outbox/helpers'

describe('campaign actions', () => {
  it('offers what SkyLight allows from each status', () => {
    expect(commandsFor('draft')).toEqual(['start'])
    expect(commandsFor('running')).toEqual(['pause', 'cancel'])
    expect(commandsFor('paused')).toEqual(['resume', 'cancel'])
    expect(commandsFor('completed')).toEqual([])
  })

  it('says why a draft cannot start: not on SkyLight yet, no recipients, channel not connected', async () => {
    const h = await harness()
    const api = h.api()
    const channels = await api.account.channels()
    replaceChannels(h.store.db, channels)
    const whatsapp = channels.find((c) => c.type === 'whatsapp')!
    const instagram = channels.find((c) => c.type === 'instagram')!
    const contacts = (await api.contacts.list({ per_page: 5 })).items.filter((c) => !c.blacklisted)
    upsertContacts(h.store.db, contacts)
    const { outbox } = h.outbox()
    const offline = outbox.createCampaign({ name: 'Offline draft', message: 'Hi', channel_id: whatsapp.id!, contact_ids: [] })
    const blocked = campaignActions(h.store.db, getCampaign(h.store.db, offline.localCampaignId))
    expect(blocked.commands).toEqual(['start'])
    expect(blocked.recipients).toBe(0)
    expect(blocked.startBlockers).toEqual([expect.stringMatching(/not reached SkyLight/), expect.stringMatching(/no recipients/)])

    // Recipients chosen before it went out (the edit joins the queued creation).
    outbox.updateCampaign(offline.localCampaignId, { contact_ids: contacts.map((c) => c.id) })
    outbox.start()
    await h.drained(outbox)
    expect(outbox.list({ states: ['failed'] })).toEqual([])
    const id = (await api.campaigns.list({ per_page: 100 })).items.find((c) => c.name === 'Offline draft')!.id
    outbox.updateCampaign(id, { channel_id: instagram.id! })
    const onInstagram = campaignActions(h.store.db, getCampaign(h.store.db, id))
    expect(onInstagram.recipients).toBe(contacts.length)
    expect(onInstagram.startBlockers).toEqual([expect.stringMatching(/not connected/)])
    outbox.updateCampaign(id, { channel_id: whatsapp.id! })
    expect(campaignActions(h.store.db, getCampaign(h.store.db, id)).startBlockers).toEqual([])
  })
})
