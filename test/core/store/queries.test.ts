import { describe, expect, it } from 'vitest'
import {
  audienceCount,
  campaignContactsPage,
  campaignList,
  contactPage,
  conversationPage,
  getAccount,
  getCampaign,
  getContact,
  mediaPage,
  replaceCampaigns,
  replaceChannels,
  saveAccount,
  saveSubscription,
  threadPage,
  upsertCampaignContacts,
  upsertMedia,
  upsertMessages,
} from '../../../src/main/core/store'
import { account, subscription } from '../../../src/main/core/skylight/resources/account'
import { seedAccount } from './fixtures'
import { apiCampaign, apiCampaignContact, apiMedia, apiMessage, at, openTempStore } from './helpers'

describe('conversation page', () => {
  it('lists conversations newest first with the contact name, last message and unread count', () => {
    const { db } = openTempStore()
    seedAccount(db)
    const page = conversationPage(db)
    expect(page.items.map((c) => c.contactId)).toEqual([3, 1, 5, 2, 4])
    expect(page.items[1]).toEqual({
      contactId: 1,
      name: 'مُحَمَّد الأحمد',
      channel: 'whatsapp',
      lastMessage: 'شكراً جزيلاً! order #4521 وصل',
      lastMessageAt: at(30),
      unreadCount: 1,
      pending: false,
    })
    expect(page.next).toBeNull()
  })

  it('pages with a cursor and filters by channel', () => {
    const { db } = openTempStore()
    seedAccount(db)
    const first = conversationPage(db, { limit: 2 })
    expect(first.items.map((c) => c.contactId)).toEqual([3, 1])
    const second = conversationPage(db, { limit: 2, before: first.next! })
    expect(second.items.map((c) => c.contactId)).toEqual([5, 2])
    const third = conversationPage(db, { limit: 2, before: second.next! })
    expect(third).toMatchObject({ items: [{ contactId: 4 }], next: null })
    expect(conversationPage(db, { channel: 'whatsapp' }).items.map((c) => c.contactId)).toEqual([1, 4])
    expect(conversationPage(db, { channel: 'telegram', limit: 1 }).items.map((c) => c.contactId)).toEqual([3])
  })
})

describe('thread page', () => {
  it('pages a conversation newest first, going back from a cursor', () => {
    const { db } = openTempStore()
    seedAccount(db)
    const first = threadPage(db, { contactId: 1, limit: 2 })
    expect(first.items.map((m) => m.content)).toEqual(['شكراً جزيلاً! order #4521 وصل', 'وعليكم السلام يا مُحَمَّد 🌙 الطلب في الطريق'])
    const rest = threadPage(db, { contactId: 1, limit: 2, before: first.next! })
    expect(rest.items.map((m) => m.serverId)).toEqual([101])
    expect(rest.next).toBeNull()
  })

  it('orders by the timestamps received, whatever order the pages came in', () => {
    const { db } = openTempStore()
    upsertMessages(db, 9, [
      apiMessage({ id: 3, content: 'third', sent_at: '2026-03-01T10:00:00+03:00' }), // 07:00Z
      apiMessage({ id: 1, content: 'first', sent_at: null, created_at: '2026-03-01T05:00:00Z' }),
      apiMessage({ id: 2, content: 'second', sent_at: '2026-03-01T06:00:00.000000Z' }),
    ])
    expect(threadPage(db, { contactId: 9 }).items.map((m) => m.content)).toEqual(['third', 'second', 'first'])
  })

  it('keeps the server’s order for messages sent within the same second (a page comes newest first)', () => {
    const { db } = openTempStore()
    const second = '2026-03-01T06:00:00Z'
    upsertMessages(db, 9, [
      apiMessage({ id: 12, content: 'when does it arrive?', sent_at: second }),
      apiMessage({ id: 11, content: 'order #4521', sent_at: second }),
      apiMessage({ id: 10, content: 'Hello', sent_at: second }),
    ])
    expect(threadPage(db, { contactId: 9 }).items.map((m) => m.content)).toEqual(['when does it arrive?', 'order #4521', 'Hello'])
  })
})

describe('contacts view', () => {
  it('filters by tag, list, segment, blacklist and channel type, sorted by name', () => {
    const { db } = openTempStore()
    seedAccount(db)
    const ids = (filter: Parameters<typeof contactPage>[1]) => contactPage(db, filter).items.map((c) => c.id)
    expect(ids({})).toEqual([4, 5, 2, 3, 1]) // adam, Émile, Zoë (case-insensitive), then Arabic
    expect(contactPage(db).total).toBe(5)
    expect(ids({ tag: 'VIP' })).toEqual([2, 1])
    expect(ids({ tag: 'عميل' })).toEqual([1])
    expect(ids({ listId: 11 })).toEqual([4, 2, 1])
    expect(ids({ segmentId: 20 })).toEqual([5, 2])
    expect(ids({ blacklisted: true })).toEqual([4])
    expect(ids({ type: 'whatsapp', blacklisted: false })).toEqual([1])
    expect(ids({ listId: 11, tag: 'VIP', search: 'zo' })).toEqual([2])
    expect(contactPage(db, { limit: 2, offset: 2 })).toMatchObject({ items: [{ id: 2 }, { id: 3 }], total: 5 })
    expect(ids({ search: '   ' })).toHaveLength(5)
    expect(ids({ search: '🙂' })).toEqual([])
  })

  it('shows one contact with its tags, lists and segments', () => {
    const { db } = openTempStore()
    seedAccount(db)
    expect(getContact(db, 2)).toMatchObject({
      name: 'Zoë Café',
      tags: ['VIP'],
      lists: [{ id: 11, name: 'Newsletter' }],
      segments: [{ id: 20, name: 'Active this month' }],
      notes: [],
    })
  })
})

describe('campaign audience', () => {
  it('counts unique contacts across contacts, lists and segments, without blacklisted ones', () => {
    const { db } = openTempStore()
    seedAccount(db)
    // list 10 = {1, 3}; list 11 = {1, 2, 4 (blacklisted)}; segment 20 = {2, 5}
    expect(audienceCount(db, { listIds: [10] })).toBe(2)
    expect(audienceCount(db, { listIds: [10, 11] })).toBe(3) // 1 counted once, 4 left out
    expect(audienceCount(db, { listIds: [10, 11], segmentIds: [20] })).toBe(4)
    expect(audienceCount(db, { contactIds: [1, 2, 4], segmentIds: [20] })).toBe(3)
    expect(audienceCount(db, { contactIds: [4] })).toBe(0)
    expect(audienceCount(db, { contactIds: [999], listIds: [404] })).toBe(0)
    expect(audienceCount(db, {})).toBe(0)
  })
})

describe('media library', () => {
  it('lists by type and name, newest first, with a cursor', () => {
    const { db } = openTempStore()
    upsertMedia(db, [
      apiMedia({ id: 1, name: 'شعار المقهى', original_name: 'logo-café.png', file_type: 'image', created_at: at(1), metadata: { width: 64, height: 64 } }),
      apiMedia({ id: 2, name: 'Promo 50%_off', file_type: 'video', created_at: at(2) }),
      apiMedia({ id: 3, name: 'Menu Ramadan 🌙', file_type: 'image', created_at: at(3) }),
      apiMedia({ id: 4, name: 'Receipt', file_type: 'image', created_at: null }),
    ])
    expect(mediaPage(db).items.map((m) => m.id)).toEqual([3, 2, 1, 4])
    expect(mediaPage(db, { type: 'image' }).items.map((m) => m.id)).toEqual([3, 1, 4])
    expect(mediaPage(db, { search: 'LOGO cafe' }).items.map((m) => m.id)).toEqual([1])
    expect(mediaPage(db, { search: 'شعار' }).items.map((m) => m.id)).toEqual([1])
    expect(mediaPage(db, { search: '50%_' }).items.map((m) => m.id)).toEqual([2])
    expect(mediaPage(db, { search: '%' }).items.map((m) => m.id)).toEqual([2]) // literal, not a wildcard
    expect(mediaPage(db, { type: 'video', search: 'menu' }).items).toEqual([])
    const first = mediaPage(db, { limit: 2 })
    expect(mediaPage(db, { limit: 2, before: first.next! }).items.map((m) => m.id)).toEqual([1, 4])
    expect(first.items[0]).toMatchObject({ name: 'Menu Ramadan 🌙', fileType: 'image', localPath: null, pending: false })
  })
})

describe('campaigns', () => {
  it('lists campaigns newest first with progress, and one with its delivery', () => {
    const { db } = openTempStore()
    replaceCampaigns(db, [
      apiCampaign({
        id: 1,
        name: 'عروض رمضان',
        status: 'running',
        total_contacts: 200,
        success_count: 90,
        failed_count: 10,
        progress_percentage: 50,
        list_ids: [10],
        client_setting: { id: 3, name: 'Main number', type: 'whatsapp' },
        created_at: at(10),
      }),
      // Server sent no percentage: worked out from the counts.
      apiCampaign({ id: 2, name: 'Eid 🎉', status: 'paused', total_contacts: 8, success_count: 2, failed_count: 0, created_at: at(20) }),
      apiCampaign({ id: 3, name: 'Draft', created_at: at(5) }),
    ])
    expect(campaignList(db).map((c) => [c.id, c.progress.percent])).toEqual([
      [2, 25],
      [1, 50],
      [3, 0],
    ])
    expect(campaignList(db, { status: 'running' })[0]).toMatchObject({
      name: 'عروض رمضان',
      channelType: 'whatsapp',
      progress: { total: 200, succeeded: 90, failed: 10, pending: 100, percent: 50 },
    })
    upsertCampaignContacts(db, 1, [
      apiCampaignContact({ contact_id: 1, contact_name: 'مُحَمَّد', status: 'delivered', sent_at: at(11) }),
      apiCampaignContact({ contact_id: 2, contact_name: 'Zoë', status: 'failed', error: 'Number not on WhatsApp' }),
      apiCampaignContact({ contact_id: 3, contact_name: 'Adam', status: 'delivered' }),
    ])
    expect(getCampaign(db, 1)).toMatchObject({ listIds: [10], contactIds: [], deliveryByStatus: { delivered: 2, failed: 1 } })
    expect(campaignContactsPage(db, 1, { status: 'failed' })).toMatchObject({ items: [{ contactId: 2, error: 'Number not on WhatsApp' }], total: 1 })
  })
})

describe('account', () => {
  it('is null before the first sync, then shows profile, subscription and channels', () => {
    const { db } = openTempStore()
    expect(getAccount(db)).toBeNull()
    saveAccount(db, account.parse({ id: 7, company_name: 'مقهى النخيل', status: 1 }))
    saveSubscription(db, subscription.parse({ plan: { name: 'Pro' }, status: 'active', limits: { contacts: { max: 5000, used: 120 } } }))
    replaceChannels(db, [{ id: null, type: 'whatsapp', username: '+966500000000', is_connected: true, sync_status: null, last_synced_at: null }])
    expect(getAccount(db)).toMatchObject({
      id: 7,
      displayName: 'مقهى النخيل',
      status: '1',
      subscription: { plan: { name: 'Pro' }, limits: { contacts: { max: 5000, used: 120 } } },
      channels: [{ type: 'whatsapp', isConnected: true, serverId: null }],
    })
  })
})
