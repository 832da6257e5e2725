// Every endpoint the app uses, called once through its typed method against the sandbox:
// the answers validate and the effects are visible on the next read.
import { createHash } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../src/sandbox'
import { createSkyLightApi, LocalFileError, RateBudget, type SkyLightApi } from '../../../src/main/core/skylight'

let sandbox: Sandbox
let api: SkyLightApi
let dir: string

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 5, accounts: 2 })
  api = createSkyLightApi({
    baseUrl: sandbox.url,
    apiKey: sandbox.accounts[0]!.apiKey,
    budget: new RateBudget({ limit: 120, windowMs: 60_000 }),
  })
  dir = await mkdtemp(join(tmpdir(), 'skylight-resources-'))
})
afterAll(async () => {
  await sandbox?.close()
  await rm(dir, { recursive: true, force: true })
})

describe('account', () => {
  it('reads the profile, subscription and channels', async () => {
    const account = await api.account.get()
    expect(account.id).toBe(sandbox.accounts[0]!.id)
    expect(account.display_name.length).toBeGreaterThan(0)
    const subscription = await api.account.subscription()
    expect(subscription.limits['contacts']?.max).toBeGreaterThan(0)
    const channels = await api.account.channels()
    expect(channels.map((c) => c.type).sort()).toEqual(['instagram', 'telegram', 'whatsapp'])
  })
})

describe('contacts', () => {
  it('creates, reads, updates, searches, blacklists and deletes', async () => {
    const created = await api.contacts.create({ name: 'نورة العتيبي', phone: '+966501230001', type: 'whatsapp' })
    expect(created.name).toBe('نورة العتيبي')
    expect((await api.contacts.get(created.id)).phone).toBe('+966501230001')
    const updated = await api.contacts.update(created.id, { name: 'Noura Al-Otaibi', email: 'noura@example.com' })
    expect(updated.email).toBe('noura@example.com')
    const found = await api.contacts.list({ search: 'noura@example' })
    expect(found.items.map((c) => c.id)).toContain(created.id)
    expect((await api.contacts.toggleBlacklist(created.id)).blacklisted).toBe(true)
    expect((await api.contacts.list({ blacklisted: true, per_page: 100 })).items.map((c) => c.id)).toContain(created.id)
    await api.contacts.delete(created.id)
    await expect(api.contacts.get(created.id)).rejects.toMatchObject({ type: 'not-found' })
  })

  it('keeps notes, tags, lists and segments', async () => {
    const contact = (await api.contacts.list({ per_page: 1 })).items[0]!
    const note = await api.contacts.addNote(contact.id, 'Prefers Arabic 🌙')
    expect(note.content).toBe('Prefers Arabic 🌙')
    expect((await api.contacts.notes(contact.id)).items.map((n) => n.content)).toContain('Prefers Arabic 🌙')

    const tag = await api.tags.create('Wholesale')
    await api.contacts.addTag(contact.id, { tag_id: tag.id })
    expect((await api.contacts.get(contact.id)).tags).toContain('Wholesale')
    expect((await api.contacts.list({ tag: 'Wholesale' })).items.map((c) => c.id)).toEqual([contact.id])
    await api.contacts.removeTag(contact.id, tag.id)
    expect((await api.contacts.get(contact.id)).tags).not.toContain('Wholesale')
    expect((await api.tags.rename(tag.id, 'Wholesale buyers')).title).toBe('Wholesale buyers')
    expect((await api.tags.get(tag.id)).title).toBe('Wholesale buyers')
    expect((await api.tags.list()).items.map((t) => t.id)).toContain(tag.id)
    await api.tags.delete(tag.id)

    const list = await api.lists.create('Spring targets')
    await api.contacts.addToList(contact.id, list.id)
    await api.contacts.addToList(contact.id, list.id) // documented as idempotent
    expect((await api.lists.members(list.id)).items.map((m) => m.id)).toEqual([contact.id])
    expect((await api.lists.get(list.id)).contacts_count).toBe(1)
    await api.contacts.removeFromList(contact.id, list.id)
    expect((await api.lists.members(list.id)).total).toBe(0)
    expect((await api.lists.update(list.id, { name: 'Spring', status: 0 })).status).toBe(0)
    await api.lists.delete(list.id)

    const segment = await api.segments.create('High value')
    await api.contacts.addToSegment(contact.id, segment.id)
    expect((await api.segments.members(segment.id)).items.map((m) => m.id)).toEqual([contact.id])
    await api.contacts.removeFromSegment(contact.id, segment.id)
    expect((await api.segments.list()).items.map((s) => s.id)).toContain(segment.id)
    expect((await api.segments.update(segment.id, { name: 'Top' })).name).toBe('Top')
    await api.segments.delete(segment.id)
  })
})

describe('messages', () => {
  it('lists conversations newest first and a contact’s history, and sends', async () => {
    const conversations = await api.messages.conversations({ per_page: 10 })
    expect(conversations.items.length).toBeGreaterThan(0)
    const times = conversations.items.map((c) => Date.parse(c.last_message_at!))
    expect([...times].sort((a, b) => b - a)).toEqual(times)

    const first = conversations.items[0]!
    const history = await api.messages.list(first.contact_id)
    expect(history.items.every((m) => m.contact_id === first.contact_id || m.contact_id === null)).toBe(true)

    const contact = await api.contacts.get(first.contact_id)
    sandbox.control.setChannelConnected(sandbox.accounts[0]!.id, contact.type as 'whatsapp', true)
    const sent = await api.messages.send(first.contact_id, 'مرحبا! Your order is ready 📦')
    expect(sent).toMatchObject({ content: 'مرحبا! Your order is ready 📦', status: 'sent' })
    const top = (await api.messages.conversations({ per_page: 1 })).items[0]!
    expect(top.contact_id).toBe(first.contact_id)
  })
})

describe('media', () => {
  it('uploads a file with progress, then it is served at its URL byte for byte', async () => {
    const bytes = Buffer.alloc(700_000)
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31) % 251
    const path = join(dir, 'صورة المنتج.png')
    await writeFile(path, bytes)
    const progress: number[] = []
    const media = await api.media.upload(path, { name: 'Product hero', onProgress: (sent) => progress.push(sent) })
    expect(media).toMatchObject({ name: 'Product hero', original_name: 'صورة المنتج.png', file_type: 'image', file_size: bytes.length })
    expect(progress.length).toBeGreaterThan(1)
    expect(progress.at(-1)).toBeGreaterThan(bytes.length)

    const served = Buffer.from(await (await fetch(media.url)).arrayBuffer())
    expect(createHash('sha256').update(served).digest('hex')).toBe(createHash('sha256').update(bytes).digest('hex'))

    expect((await api.media.rename(media.id, 'Hero — March')).name).toBe('Hero — March')
    expect((await api.media.list({ search: 'Hero — March' })).items.map((m) => m.id)).toEqual([media.id])
    expect((await api.media.get(media.id)).id).toBe(media.id)
    await api.media.delete(media.id)
    await expect(api.media.get(media.id)).rejects.toMatchObject({ type: 'not-found' })
  })

  it('refuses files SkyLight would refuse before sending anything', async () => {
    const path = join(dir, 'notes.txt')
    await writeFile(path, 'hello')
    await expect(api.media.upload(path)).rejects.toBeInstanceOf(LocalFileError)
    await expect(api.media.upload(join(dir, 'missing.png'))).rejects.toThrow(/can no longer be read/)
  })

  it('lists by type, newest first', async () => {
    const videos = await api.media.list({ type: 'video', per_page: 100 })
    expect(videos.items.every((m) => m.file_type === 'video')).toBe(true)
    const all = await api.media.list({ per_page: 100 })
    const times = all.items.map((m) => Date.parse(m.created_at!))
    expect([...times].sort((a, b) => b - a)).toEqual(times)
  })
})

describe('campaigns', () => {
  it('creates a draft, edits it, runs it through its states and reads delivery', async () => {
    const channels = await api.account.channels()
    const whatsapp = channels.find((c) => c.type === 'whatsapp')!
    const contacts = (await api.contacts.list({ blacklisted: false, per_page: 3 })).items
    const draft = await api.campaigns.create({
      name: 'Ramadan offers',
      channel_id: whatsapp.id!,
      message: 'رمضان كريم 🌙',
      contact_ids: contacts.map((c) => c.id),
    })
    expect(draft.status).toBe('draft')
    expect((await api.campaigns.update(draft.id, { name: 'Ramadan offers 2026' })).name).toBe('Ramadan offers 2026')
    await api.campaigns.command(draft.id, 'start')
    expect((await api.campaigns.get(draft.id)).status).toBe('running')
    await expect(api.campaigns.update(draft.id, { name: 'Too late' })).rejects.toMatchObject({ type: 'validation' })
    await api.campaigns.command(draft.id, 'pause')
    expect((await api.campaigns.get(draft.id)).status).toBe('paused')
    await api.campaigns.command(draft.id, 'resume')
    const delivery = await api.campaigns.contacts(draft.id)
    expect(delivery.items.map((d) => d.contact_id).sort()).toEqual(contacts.map((c) => c.id).sort())
    // The docs' `name` on a delivery row arrives as the contact's name.
    const names = new Map(contacts.map((c) => [c.id, c.name]))
    for (const d of delivery.items) expect(d.contact_name).toBe(names.get(d.contact_id))
    await api.campaigns.command(draft.id, 'cancel')
    expect((await api.campaigns.get(draft.id)).status).toBe('cancelled')
    await api.campaigns.delete(draft.id)
    expect((await api.campaigns.list({ per_page: 100 })).items.map((c) => c.id)).not.toContain(draft.id)
  })
})
