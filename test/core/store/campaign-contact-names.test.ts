// Delivery rows name their contact `name` in the docs; older answers (and the conversation
// list) say `contact_name`. Either way the delivery table shows the name.
import { describe, expect, it } from 'vitest'
import { campaignContact } from '../../../src/main/core/skylight/resources/campaigns'
import { campaignContactsPage, replaceCampaigns, upsertCampaignContacts } from '../../../src/main/core/store'
import { apiCampaign, openTempStore } from './helpers'

describe('campaign delivery rows', () => {
  it('store the contact’s name from the docs’ `name`, and still from `contact_name`', () => {
    const { db } = openTempStore()
    replaceCampaigns(db, [apiCampaign({ id: 12, name: 'Spring Promo 2026' })])
    const rows = [
      { id: 1, contact_id: 42, name: 'Noura Al-Otaibi', phone: '+966501234567', status: 'sent', sent_at: '2026-03-05T08:00:00.000000Z', error: null },
      { id: 2, contact_id: 43, contact_name: 'Sarah Johnson', phone: null, status: 'pending', sent_at: null, error: null },
      { id: 3, contact_id: 44, name: 'مُحَمَّد', contact_name: 'Old name', phone: null, status: 'failed', sent_at: null, error: 'Number not on WhatsApp' },
      { id: 4, contact_id: 45, status: 'pending' },
    ].map((r) => campaignContact.parse(r))
    expect(upsertCampaignContacts(db, 12, rows).inserted).toHaveLength(4)
    const names = Object.fromEntries(campaignContactsPage(db, 12).items.map((r) => [r.contactId, r.contactName]))
    expect(names).toEqual({ 42: 'Noura Al-Otaibi', 43: 'Sarah Johnson', 44: 'مُحَمَّد', 45: null })
  })
})
