// Permanent failures: the server's message reaches the user, the optimistic change is
// rolled back visibly, and the action waits to be edited, retried or discarded.
import { describe, expect, it } from 'vitest'
import type { SkyLightApi } from '../../../src/main/core/skylight'
import { getCampaign, getMedia, replaceCampaigns, threadPage, upsertMedia } from '../../../src/main/core/store'
import { harness, serverContact } from './helpers'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex')

describe('outbox permanent failures', () => {
  it('sending on a channel that is not connected keeps the server’s reason, and edit + retry sends it', async () => {
    const h = await harness()
    const c = await serverContact(h, 'Nour', '+966530000001', 'whatsapp')
    h.sandbox.control.setChannelConnected(h.accountId, 'whatsapp', false)
    const { outbox } = h.outbox()
    const { actionId } = outbox.sendMessage({ contactId: c.id, text: 'Are you there?' })
    outbox.start()
    await h.drained(outbox)
    const failed = outbox.list()[0]!
    expect(failed).toMatchObject({ id: actionId, state: 'failed', lastError: { type: 'validation', message: 'No whatsapp channel connected.' } })
    // The thread shows the message as SkyLight saved it: failed, with the reason.
    expect(threadPage(h.store.db, { contactId: c.id }).items).toMatchObject([{ content: 'Are you there?', status: 'failed', error: 'No whatsapp channel connected.' }])

    h.sandbox.control.setChannelConnected(h.accountId, 'whatsapp', true)
    outbox.edit(actionId, { text: 'Are you there? 🙂' })
    await h.drained(outbox)
    expect(outbox.list()[0]).toMatchObject({ state: 'done', lastError: null })
    const server = h.sandbox.control.dump(h.accountId).messages[c.id]!.map((m) => [m.content, m.status])
    expect(server).toEqual([['Are you there?', 'failed'], ['Are you there? 🙂', 'sent']])
  })

  it('an upload over the plan’s file limit is refused with SkyLight’s message and leaves the library', async () => {
    const h = await harness()
    h.sandbox.control.setMediaLimit(h.accountId, h.sandbox.control.dump(h.accountId).media.length)
    const file = join(h.dir, 'photo.png')
    await writeFile(file, PNG)
    const { outbox } = h.outbox()
    const { localMediaId } = await outbox.uploadMedia({ path: file, name: 'Shop front' })
    expect(getMedia(h.store.db, localMediaId)).toMatchObject({ name: 'Shop front', pending: true })
    outbox.start()
    await h.drained(outbox)
    expect(outbox.list()[0]).toMatchObject({ state: 'failed', lastError: { type: 'forbidden' } })
    expect(outbox.list()[0]!.lastError!.message).toMatch(/media file limit .* has been reached/)
    expect(() => getMedia(h.store.db, localMediaId)).toThrow()
    // Retry after the limit is lifted puts it back and uploads it.
    h.sandbox.control.setMediaLimit(h.accountId, null)
    outbox.retry(outbox.list()[0]!.id)
    await h.drained(outbox)
    expect(outbox.list()[0]).toMatchObject({ state: 'done' })
    expect(h.sandbox.control.dump(h.accountId).media.filter((m) => m.name === 'Shop front')).toHaveLength(1)
  })

  it('deleting a file an administrator uploaded is refused, and the file comes back', async () => {
    const h = await harness()
    const admin = (await h.api().media.list({ per_page: 100 })).items.find((m) => m.uploaded_by === 'admin')!
    upsertMedia(h.store.db, [admin])
    const { outbox } = h.outbox()
    outbox.deleteMedia(admin.id)
    expect(() => getMedia(h.store.db, admin.id)).toThrow()
    outbox.start()
    await h.drained(outbox)
    expect(outbox.list()[0]).toMatchObject({
      state: 'failed',
      lastError: { type: 'forbidden', message: 'Files uploaded by an administrator cannot be deleted via the API.' },
    })
    expect(getMedia(h.store.db, admin.id)).toMatchObject({ name: admin.name, pending: false })
  })

  it('an edit queued for a draft that was started elsewhere fails with an explanation and is rolled back', async () => {
    const h = await harness()
    const c = await serverContact(h, 'Aud', '+966530000002')
    const channel = (await h.api().account.channels()).find((x) => x.type === 'whatsapp')!
    const draft = await h.api().campaigns.create({ name: 'Eid', message: 'Eid Mubarak', channel_id: channel.id!, contact_ids: [c.id] })
    replaceCampaigns(h.store.db, [draft])
    const { outbox } = h.outbox()
    outbox.updateCampaign(draft.id, { message: 'Eid Mubarak! 🌙' })
    await h.api().campaigns.command(draft.id, 'start') // another device starts it meanwhile
    outbox.start()
    await h.drained(outbox)
    const failed = outbox.list()[0]!
    expect(failed).toMatchObject({ state: 'failed', lastError: { type: 'validation' } })
    expect(failed.lastError!.message).toContain('“Eid” is running on SkyLight now, so it could not be edited')
    expect(getCampaign(h.store.db, draft.id)).toMatchObject({ message: 'Eid Mubarak', pending: false })
    expect(h.sandbox.control.dump(h.accountId).campaigns.find((x) => x.id === draft.id)!.message).toBe('Eid Mubarak')
  })

  it('an edit refused by SkyLight itself (started between the check and the edit) shows SkyLight’s message', async () => {
    const h = await harness()
    const c = await serverContact(h, 'Aud2', '+966530000003')
    const channel = (await h.api().account.channels()).find((x) => x.type === 'whatsapp')!
    const draft = await h.api().campaigns.create({ name: 'Sale', message: 'Sale today', channel_id: channel.id!, contact_ids: [c.id] })
    replaceCampaigns(h.store.db, [draft])
    // The campaign is started elsewhere right after the outbox checked it was a draft.
    const real = h.api()
    const racing: SkyLightApi = {
      ...real,
      campaigns: {
        ...real.campaigns,
        get: async (id, o) => {
          const current = await real.campaigns.get(id, o)
          await h.api().campaigns.command(id, 'start')
          return current
        },
      },
    }
    const { outbox } = h.outbox({ api: racing })
    outbox.updateCampaign(draft.id, { name: 'Sale (edited)' })
    outbox.start()
    await h.drained(outbox)
    expect(outbox.list()[0]).toMatchObject({
      state: 'failed',
      lastError: { type: 'validation', message: 'Only draft campaigns can be edited. This campaign is running.' },
    })
    expect(getCampaign(h.store.db, draft.id)).toMatchObject({ name: 'Sale', pending: false })
  })
})
