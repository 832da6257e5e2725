// What the app shows of a change it made is right at once (the action's local phase) and
// stays right once SkyLight answers, not only after the next refresh: a new tag in the
// groups list, a list's and a segment's counts, a new campaign's channel and recipients,
// and a media file renamed while its upload was still under way.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { campaignContactsPage, getCampaign, getMedia, namedContacts, type StoreDb } from '../../../src/main/core/store'
import { groupsList } from '../../../src/main/core/store/queries/groups-list'
import { AccountSync } from '../../../src/main/core/sync/account-sync'
import { harness, type Harness } from './helpers'

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex')

/** The account synced whole, as the app has it before the user acts. */
async function synced(h: Harness): Promise<AccountSync> {
  const sync = new AccountSync({ api: h.api(), db: h.store.db, onEvent: () => {}, timings: { pollMs: 3_600_000 } })
  await sync.syncNow()
  return sync
}

const groups = (db: StoreDb) => groupsList(db)
const someContact = (h: Harness) =>
  (h.store.sqlite.prepare('SELECT id FROM contacts WHERE id > 0 AND blacklisted = 0 ORDER BY id LIMIT 1').get() as { id: number }).id

describe('the local copy after an action', () => {
  it('shows a new tag in the groups list, counted, at once and after SkyLight answers; a refresh swaps in SkyLight’s own', async () => {
    const h = await harness()
    const sync = await synced(h)
    const contactId = someContact(h)
    const { outbox } = h.outbox()
    outbox.addTag(contactId, 'Eid offer 2026')
    expect(groups(h.store.db).tags.filter((t) => t.name === 'Eid offer 2026')).toEqual([{ id: expect.any(Number), name: 'Eid offer 2026', contactsCount: 1 }])
    outbox.start()
    await h.drained(outbox)
    expect(groups(h.store.db).tags.filter((t) => t.name === 'Eid offer 2026').map((t) => t.contactsCount)).toEqual([1])
    await sync.syncNow('refresh')
    const server = (await h.api().tags.list()).items.find((t) => t.title === 'Eid offer 2026')!
    expect(groups(h.store.db).tags.filter((t) => t.name === 'Eid offer 2026')).toEqual([{ id: server.id, name: 'Eid offer 2026', contactsCount: server.contacts_count }])
    await sync.stop()
  })

  it('takes back a new tag whose action failed', async () => {
    const h = await harness()
    const sync = await synced(h)
    const contactId = someContact(h)
    await h.api().contacts.delete(contactId) // gone from SkyLight meanwhile: the tag is refused
    const { outbox } = h.outbox()
    outbox.addTag(contactId, 'Never made')
    expect(groups(h.store.db).tags.some((t) => t.name === 'Never made')).toBe(true)
    outbox.start()
    await h.drained(outbox)
    expect(outbox.list()[0]).toMatchObject({ state: 'failed' })
    expect(groups(h.store.db).tags.some((t) => t.name === 'Never made')).toBe(false)
    await sync.stop()
  })

  it('counts a contact added to or removed from a list or segment at once, as SkyLight then does', async () => {
    const h = await harness()
    const sync = await synced(h)
    const list = groups(h.store.db).lists[0]!
    const segment = groups(h.store.db).segments[0]!
    const contactId = (
      h.store.sqlite
        .prepare('SELECT id FROM contacts WHERE id > 0 AND id NOT IN (SELECT contact_id FROM list_members WHERE list_id = ?) AND id NOT IN (SELECT contact_id FROM segment_members WHERE segment_id = ?) LIMIT 1')
        .get(list.id, segment.id) as { id: number }
    ).id
    const { outbox } = h.outbox()
    outbox.addToList(contactId, list.id)
    outbox.addToSegment(contactId, segment.id)
    const counted = () => [groups(h.store.db).lists.find((l) => l.id === list.id)!.contactsCount, groups(h.store.db).segments.find((s) => s.id === segment.id)!.contactsCount]
    expect(counted()).toEqual([list.contactsCount! + 1, segment.contactsCount! + 1])
    outbox.start()
    await h.drained(outbox)
    const server = async () => [(await h.api().lists.get(list.id)).contacts_count, (await h.api().segments.list()).items.find((s) => s.id === segment.id)!.contacts_count]
    expect(counted()).toEqual(await server())

    outbox.removeFromList(contactId, list.id)
    outbox.removeFromSegment(contactId, segment.id)
    expect(counted()).toEqual([list.contactsCount, segment.contactsCount])
    await h.drained(outbox)
    expect(counted()).toEqual(await server())
    await sync.stop()
  })

  it('shows a new campaign’s channel and recipients while offline, and its delivery rows once created', async () => {
    const h = await harness()
    const sync = await synced(h)
    const channel = h.store.sqlite.prepare("SELECT server_id AS id, type FROM channels WHERE type = 'whatsapp'").get() as { id: number; type: string }
    const list = groups(h.store.db).lists.find((l) => (l.contactsCount ?? 0) > 0)!
    const contactId = someContact(h)
    const { outbox } = h.outbox()
    const { localCampaignId } = outbox.createCampaign({ name: 'Ramadan hours', message: 'We open at 8 pm.', channel_id: channel.id, list_ids: [list.id], contact_ids: [contactId] })
    const local = getCampaign(h.store.db, localCampaignId)
    expect(local.channelType).toBe('whatsapp')
    // What the editor needs to edit it again: its own channel, and the chosen contact by name.
    expect(local.channelId).toBe(channel.id)
    const name = (h.store.sqlite.prepare('SELECT name FROM contacts WHERE id = ?').get(contactId) as { name: string }).name
    expect(namedContacts(h.store.db, local.contactIds)).toEqual([{ id: contactId, name }])
    expect(local.progress.total).toBeGreaterThan(0)
    expect(campaignContactsPage(h.store.db, localCampaignId, { limit: 500 }).items).toHaveLength(local.progress.total)
    expect(campaignContactsPage(h.store.db, localCampaignId, { limit: 500 }).items.every((r) => r.status === 'pending' && r.contactName)).toBe(true)

    outbox.start()
    await h.drained(outbox)
    const server = (await h.api().campaigns.list()).items.find((c) => c.name === 'Ramadan hours')!
    const created = getCampaign(h.store.db, server.id)
    expect(created).toMatchObject({ channelType: 'whatsapp', progress: { total: server.total_contacts } })
    expect(campaignContactsPage(h.store.db, server.id, { limit: 500 }).items).toHaveLength(server.total_contacts)
    await sync.stop()
  })

  it('gives a file renamed while its upload was under way the server’s link, keeping the new name', async () => {
    const h = await harness()
    const file = join(h.dir, 'front.png')
    await writeFile(file, PNG)
    // The upload's answer takes a while, so the rename is queued while it is in flight.
    await h.sandbox.control.setFaults({ rules: [{ method: 'POST', path: '/api/v1/media', kind: 'latency', ms: 1_500, times: 1 }] })
    const { outbox } = h.outbox()
    const { localMediaId } = await outbox.uploadMedia({ path: file, name: 'Shop front' })
    expect(getMedia(h.store.db, localMediaId).url).toMatch(/^file:/)
    outbox.start()
    await expect.poll(() => outbox.counts().inFlight).toBe(1)
    outbox.renameMedia(localMediaId, 'Shop front at night')
    await h.drained(outbox)
    const server = (await h.api().media.list({ per_page: 100 })).items.find((m) => m.name === 'Shop front at night')!
    const local = getMedia(h.store.db, server.id)
    expect(local).toMatchObject({ name: 'Shop front at night', url: server.url })
    expect(local.url).not.toMatch(/^file:/)
  })
})
