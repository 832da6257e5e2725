// Builds each account's data from the seed: profile, channels, tags, lists, segments,
// contacts, then histories, media and campaigns (each from its own forked generator,
// so growing one part never reshuffles another).
import type { DataSize } from '../options'
import { AccountStore } from './account-store'
import { generateAdmin } from './generate-admin'
import { generateAiAgents } from './ai-agents'
import { generateCampaigns } from './generate-campaigns'
import { generateKnowledgeBase } from './generate-knowledge-base'
import { seedVoice } from './voice'
import { generateHistories } from './generate-history'
import { generateMedia } from './generate-media'
import { generateTickets } from './tickets'
import { generateBookings } from './bookings'
import { generateWebChat } from './web-chat'
import type { ChannelType, ContactRec, GroupRec, TagRec } from './model'
import { Prng } from './prng'
import { companyProfile, email, LIST_NAMES, NOTE_TEXTS, personName, phone, SEGMENT_NAMES, TAG_TITLES } from './text'
import { baseDateForSeed, DAY } from './time'
import type { World } from './world'

export function generateWorld(world: World, accountCount: number, size: DataSize): void {
  const base = baseDateForSeed(world.seed)
  for (let i = 0; i < accountCount; i++) {
    const random = new Prng((world.seed * 7919 + (i + 1) * 104_729) >>> 0)
    world.addAccount(generateAccount(world, i, random, size, base))
  }
}

function generateAccount(world: World, index: number, random: Prng, size: DataSize, base: number): AccountStore {
  const company = companyProfile(index)
  const id = world.ids.next('account')
  const keys = [`sk_test_${random.token(40, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')}`]
  const store = new AccountStore(
    {
      id,
      companyName: company.companyName,
      slug: `${company.slug}-${random.token(3)}`,
      email: company.owner.email,
      address: company.address,
      timezone: company.timezone,
      locale: company.locale,
      countryId: company.countryId,
      primaryUser: { id: world.ids.next('user'), ...company.owner },
      createdAt: base - 400 * DAY,
    },
    keys,
    {
      contacts: Math.max(10_000, size.contacts * 2),
      teamMembers: 10,
      teamMembersUsed: 1 + (index % 4),
      messagesPerMonth: 50_000,
      mediaFiles: Math.max(1_000, size.media * 2),
      campaigns: Math.max(50, size.campaigns * 2),
    },
  )
  addChannels(world, store, company.owner.phone, base)
  addGroups(world, store, random.fork(1), base)
  addContacts(world, store, random.fork(2), size.contacts, base)
  store.loadHistories(generateHistories(world, store, random.fork(3), size, base))
  generateMedia(world, store, random.fork(4), size.media, base)
  generateCampaigns(world, store, random.fork(5), size.campaigns, base)
  generateAdmin(world, store, random.fork(11), base)
  generateTickets(world, store, random.fork(6), base)
  generateBookings(world, store, random.fork(7), base)
  generateWebChat(world, store, random.fork(8), base)
  generateAiAgents(world, store.ai, random.fork(6), base)
  generateKnowledgeBase(world, store, base)
  seedVoice(store.voice, index, base)
  return store
}

function addChannels(world: World, store: AccountStore, ownerPhone: string, base: number): void {
  const specs: { type: ChannelType; name: string; username: string; connected: boolean }[] = [
    { type: 'whatsapp', name: 'Business WhatsApp', username: ownerPhone, connected: true },
    { type: 'telegram', name: 'Telegram', username: `@${store.profile.slug.replace(/-/g, '_')}`, connected: true },
    // Instagram starts disconnected so the "no channel connected" path exists out of the box.
    { type: 'instagram', name: 'Instagram DM', username: store.profile.slug.replace(/-/g, '.'), connected: false },
  ]
  for (const s of specs) {
    store.channels.push({ id: world.ids.next('channel'), ...s, lastSyncedAt: s.connected ? base : base - 30 * DAY })
  }
}

function addGroups(world: World, store: AccountStore, random: Prng, base: number): void {
  for (const title of random.sample(TAG_TITLES, 7)) {
    const at = base - random.int(100, 300) * DAY
    const tag: TagRec = { id: world.ids.next('tag'), title, contactIds: new Set(), createdAt: at, updatedAt: at }
    store.tags.set(tag.id, tag)
  }
  const group = (kind: 'list' | 'segment', name: string, status: 0 | 1): GroupRec => {
    const at = base - random.int(60, 200) * DAY
    return { id: world.ids.next(kind), name, status, memberIds: new Set(), createdAt: at, updatedAt: at }
  }
  random.sample(LIST_NAMES, 4).forEach((name, i) => {
    const list = group('list', name, i === 3 ? 0 : 1)
    store.lists.set(list.id, list)
  })
  random.sample(SEGMENT_NAMES, 3).forEach((name) => {
    const segment = group('segment', name, 1)
    store.segments.set(segment.id, segment)
  })
}

function addContacts(world: World, store: AccountStore, random: Prng, count: number, base: number): void {
  const tags = [...store.tags.values()]
  const lists = [...store.lists.values()]
  const segments = [...store.segments.values()]
  const span = 365 * DAY
  for (let i = 0; i < count; i++) {
    const person = personName(random)
    const roll = random.next()
    const type: ChannelType = roll < 0.6 ? 'whatsapp' : roll < 0.8 ? 'telegram' : 'instagram'
    const createdAt = base - span + Math.floor((span * i) / Math.max(1, count)) - random.int(0, 3_600_000)
    const contact: ContactRec = {
      id: world.ids.next('contact'),
      name: person.name,
      email: random.chance(0.7) ? email(random, person, i + 1) : null,
      phone: random.chance(type === 'instagram' ? 0.4 : 0.95) ? phone(random, store.id * 1_000_000 + i + 1) : null,
      type,
      status: random.chance(0.9) ? 'active' : 'inactive',
      // Fixed positions rather than a coin toss, so even the small preset has some.
      blacklisted: i % 15 === 7,
      tagIds: new Set(),
      listIds: new Set(),
      segmentIds: new Set(),
      notes: [],
      lastMessageAt: null,
      createdAt,
      updatedAt: createdAt + random.int(0, 20) * DAY,
    }
    store.addContact(contact)
    for (const tag of random.sample(tags, random.int(0, 3))) store.attachTag(contact, tag)
    for (const list of random.sample(lists, random.int(0, 2))) store.addToGroup('list', contact, list)
    if (random.chance(0.4)) store.addToGroup('segment', contact, random.pick(segments))
    if (random.chance(0.2)) {
      for (let n = random.int(1, 2); n > 0; n--) {
        contact.notes.push({ id: world.ids.next('note'), contactId: contact.id, note: random.pick(NOTE_TEXTS), createdAt: contact.updatedAt + n * DAY })
      }
    }
  }
}
