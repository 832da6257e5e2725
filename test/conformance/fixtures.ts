// What the conformance suite needs to know of each registered resource that it cannot read
// from the descriptor: which part of the comparable snapshot it is, rows it may delete on
// the server, a payload for each action kind, how to count a non-repeatable action's effect
// on the server, and contract calls that name a missing id. The suite fails for a registered
// resource or action kind that has no entry here, so nothing registered goes untested.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import type { Outbox } from '../../src/main/core/outbox'
import { holdSecret } from '../../src/main/core/outbox/held-secrets'
import { stageFile } from '../../src/main/core/outbox/staging'
import { checkKbFile } from '../../src/main/core/skylight/kb-rules'
import { checkVoiceSample } from '../../src/main/core/skylight/voice-rules'
import type { MethodName, ResourceName } from '../../src/shared/contract'
import type { serverSnapshot } from '../core/sync/snapshot'
import type { World } from './world'

type SnapshotKey = keyof ReturnType<typeof serverSnapshot>

export interface Rows {
  /** Ids of rows the server holds that may be deleted (several, so tests need not share one). */
  candidates(w: World): number[]
  present(w: World, id: number): boolean
  /** Deletes it on the server, as another device would. */
  removeOnServer(w: World, id: number): Promise<void>
}

export interface LostAnswer {
  /** The request whose answer is lost after the server acted. */
  method: string
  path: RegExp | string
  queue(w: World, outbox: Outbox): Promise<unknown> | unknown
  /** How many times the action took effect on the server (1 is right). */
  effects(w: World): Promise<number>
}

export interface Fixture {
  /** Server data the checks need beyond what the seed makes (run once, then synced). */
  prepare?(w: World): Promise<void>
  snapshot: SnapshotKey[]
  /** null where the API deletes no single row of it; the reason is in a comment. */
  rows: Rows | null
  /** A resource of several collections: the rows a delete kind removes, where not `rows`. */
  rowsOf?: Record<string, Rows>
  samples: Record<string, (w: World) => Record<string, unknown>>
  lostAnswer: Record<string, LostAnswer>
  /** Contract calls naming an id that does not exist: each must answer not-found. */
  missing: { method: MethodName; input: Record<string, unknown> }[]
}

const MISSING = 987_654
const has = (w: World, table: string, key: string, id: number) =>
  w.store.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${sql.identifier(table)} WHERE ${sql.identifier(key)} = ${id}`).n > 0

/** Contacts on the connected WhatsApp channel, not blacklisted: they can be messaged. */
const reachable = (w: World) =>
  w.dump().contacts.filter((c) => c.type === 'whatsapp' && !c.blacklisted).map((c) => c.id)
const contactWithTag = (w: World) => w.dump().contacts.find((c) => c.tags.length > 0)!
const firstList = (w: World) => w.dump().lists[0]!
const firstSegment = (w: World) => w.dump().segments[0]!
const connectedChannel = (w: World) => w.dump().channels.find((c) => c.is_connected)!.id
const openTicket = (w: World) => w.dump().tickets.find((t) => t.status !== 'closed')!.id
const activeBooking = (w: World) => w.dump().bookings.find((b) => b.status === 'confirmed' || b.status === 'pending')!.id
/** A whole hour in working hours (UTC) some days ahead: free in the sandbox's seed. */
const slotAhead = (days: number, hour: number) => `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00:00.000Z`
const session = (w: World, handledBy: string) =>
  w.dump().web_chat_sessions.find((s) => s.status === 'active' && s.handled_by === handledBy)!.session_id
const nonDefaultAgent = (w: World) => w.dump().ai_agents.find((a) => !a.is_default && a.is_active)!.id
const kbOf = (w: World, type: string) => w.dump().knowledge_base.find((e) => e.type === type && (type !== 'product_catalog' || e.title === 'Conformance catalog'))!
const draft = (w: World) => w.dump().campaigns.find((c) => c.status === 'draft')!.id
let unique = 0
const fresh = (label: string) => `${label} ${process.pid}-${++unique}`

export const fixtures: Record<ResourceName, Fixture> = {
  account: {
    snapshot: ['account', 'channels'],
    // One profile per account: nothing to delete.
    rows: null,
    samples: { 'update-account': (w) => ({ accountId: w.accountId, changes: { company_name: 'شركة المطابقة', timezone: 'Europe/London' } }) },
    lostAnswer: {},
    missing: [],
  },
  conversations: {
    snapshot: ['conversations'],
    rows: {
      candidates: (w) => w.dump().conversations.map((c) => c.contact_id).slice(-3),
      present: (w, id) => has(w, 'conversations', 'contact_id', id),
      // A conversation goes with its contact.
      removeOnServer: async (w, id) => void (await w.api.contacts.delete(id)),
    },
    samples: {},
    lostAnswer: {},
    missing: [],
  },
  messages: {
    snapshot: ['messages'],
    // The API deletes no single message; a contact's messages go with it (see contacts).
    rows: null,
    samples: { 'send-message': (w) => ({ contactId: reachable(w)[0]!, text: 'conformance: hello' }) },
    lostAnswer: {
      'send-message': {
        method: 'POST',
        path: '/messages/send',
        queue: (w, outbox) => outbox.queue('send-message', { contactId: reachable(w)[1]!, text: 'conformance: sent once' }),
        effects: async (w) => {
          const history = w.dump().messages[String(reachable(w)[1]!)] ?? []
          return history.filter((m) => m.content === 'conformance: sent once').length
        },
      },
    },
    missing: [{ method: 'message-send', input: { contactId: MISSING, text: 'hello' } }],
  },
  contacts: {
    snapshot: ['contacts'],
    rows: {
      candidates: (w) => reachable(w).slice(-4),
      present: (w, id) => has(w, 'contacts', 'id', id),
      removeOnServer: async (w, id) => void (await w.api.contacts.delete(id)),
    },
    samples: {
      'create-contact': () => ({ name: 'Conformance Contact', phone: '+966 55 000 1111', type: 'whatsapp' }),
      'update-contact': (w) => ({ contactId: reachable(w)[0]!, changes: { name: 'Renamed by conformance', email: 'c@example.com' } }),
      'add-note': (w) => ({ contactId: reachable(w)[0]!, text: 'A note' }),
      'add-tag': (w) => ({ contactId: reachable(w)[0]!, title: 'conformance-tag' }),
      'remove-tag': (w) => ({ contactId: contactWithTag(w).id, title: contactWithTag(w).tags[0]! }),
      'add-to-list': (w) => ({ contactId: reachable(w).find((id) => !firstList(w).member_ids.includes(id))!, groupId: firstList(w).id }),
      'remove-from-list': (w) => ({ contactId: firstList(w).member_ids[0]!, groupId: firstList(w).id }),
      'add-to-segment': (w) => ({ contactId: reachable(w).find((id) => !firstSegment(w).member_ids.includes(id))!, groupId: firstSegment(w).id }),
      'remove-from-segment': (w) => ({ contactId: firstSegment(w).member_ids[0]!, groupId: firstSegment(w).id }),
      'toggle-blacklist': (w) => ({ contactId: reachable(w)[0]!, blacklisted: true }),
    },
    lostAnswer: {
      'create-contact': {
        method: 'POST',
        path: '/contacts',
        queue: (_w, outbox) => outbox.queue('create-contact', { name: 'Made once', phone: '+966 55 777 1234', type: 'whatsapp' }),
        effects: async (w) => w.dump().contacts.filter((c) => c.name === 'Made once').length,
      },
      'add-note': {
        method: 'POST',
        path: /\/contacts\/\d+\/notes$/,
        queue: (w, outbox) => outbox.queue('add-note', { contactId: reachable(w)[2]!, text: 'noted once' }),
        effects: async (w) => w.dump().contacts.flatMap((c) => c.notes).filter((n) => n.note === 'noted once').length,
      },
    },
    missing: [
      { method: 'contact-get', input: { id: MISSING } },
      { method: 'contact-update', input: { id: MISSING, changes: { name: 'Nobody' } } },
      { method: 'contact-delete', input: { id: MISSING } },
      { method: 'contact-blacklist', input: { id: MISSING, blacklisted: true } },
      { method: 'contact-add-note', input: { id: MISSING, text: 'hello' } },
      { method: 'contact-tag', input: { id: MISSING, title: 'vip', add: true } },
    ],
  },
  groups: {
    snapshot: ['tags', 'lists', 'segments'],
    rows: {
      candidates: (w) => w.dump().lists.map((l) => l.id).slice(-2),
      present: (w, id) => has(w, 'lists', 'id', id),
      removeOnServer: async (w, id) => void (await w.api.lists.delete(id)),
    },
    rowsOf: {
      'delete-tag': {
        // Tags on contacts, so the delete's taking them off each contact is checked too.
        candidates: (w) => w.dump().tags.filter((t) => t.contacts_count > 0).map((t) => t.id).slice(-2),
        present: (w, id) => has(w, 'tags', 'id', id),
        removeOnServer: async (w, id) => void (await w.api.tags.delete(id)),
      },
      'delete-segment': {
        candidates: (w) => w.dump().segments.map((s) => s.id).slice(-2),
        present: (w, id) => has(w, 'segments', 'id', id),
        removeOnServer: async (w, id) => void (await w.api.segments.delete(id)),
      },
    },
    samples: {
      'create-tag': () => ({ name: fresh('Conformance tag') }),
      'create-list': () => ({ name: 'قائمة المطابقة' }),
      'create-segment': () => ({ name: 'Conformance segment' }),
      'rename-tag': (w) => ({ tagId: w.dump().tags.find((t) => t.contacts_count > 0)!.id, name: fresh('Renamed tag') }),
      'rename-list': (w) => ({ listId: firstList(w).id, name: 'Renamed list' }),
      'rename-segment': (w) => ({ segmentId: firstSegment(w).id, name: 'Renamed segment' }),
    },
    lostAnswer: {
      'create-tag': {
        method: 'POST',
        path: '/tags',
        queue: (_w, outbox) => outbox.queue('create-tag', { name: 'Tag created once' }),
        effects: async (w) => w.dump().tags.filter((t) => t.title === 'Tag created once').length,
      },
      'create-list': {
        method: 'POST',
        path: '/contacts/lists',
        queue: (_w, outbox) => outbox.queue('create-list', { name: 'List created once' }),
        effects: async (w) => w.dump().lists.filter((l) => l.name === 'List created once').length,
      },
      'create-segment': {
        method: 'POST',
        path: '/contacts/segments',
        queue: (_w, outbox) => outbox.queue('create-segment', { name: 'Segment created once' }),
        effects: async (w) => w.dump().segments.filter((g) => g.name === 'Segment created once').length,
      },
    },
    missing: [
      { method: 'contact-list', input: { id: MISSING, listId: MISSING, add: true } },
      { method: 'contact-segment', input: { id: MISSING, segmentId: MISSING, add: true } },
      { method: 'group-rename', input: { kind: 'tag', id: MISSING, name: 'Nothing' } },
      { method: 'group-rename', input: { kind: 'list', id: MISSING, name: 'Nothing' } },
      { method: 'group-delete', input: { kind: 'segment', id: MISSING } },
      { method: 'group-delete', input: { kind: 'tag', id: MISSING } },
      { method: 'group-usage', input: { kind: 'list', id: MISSING } },
    ],
  },
  media: {
    snapshot: ['media'],
    rows: {
      candidates: (w) => w.dump().media.filter((m) => m.uploaded_by !== 'admin').map((m) => m.id).slice(-4),
      present: (w, id) => has(w, 'media', 'id', id),
      removeOnServer: async (w, id) => void (await w.api.media.delete(id)),
    },
    samples: {
      'upload-media': (w) => ({
        stagingPath: join(w.dir, 'staged.png'),
        originalName: 'staged.png',
        size: 8,
        mimeType: 'image/png',
        fileType: 'image',
        extension: 'png',
      }),
      'rename-media': (w) => ({ mediaId: w.dump().media[0]!.id, name: 'Renamed file' }),
    },
    lostAnswer: {
      'upload-media': {
        method: 'POST',
        path: '/media',
        queue: async (w, outbox) => {
          const path = join(w.dir, 'once.png')
          await writeFile(path, Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5b1a8f20000000049454e44ae426082', 'hex'))
          return outbox.uploadMedia({ path })
        },
        effects: async (w) => w.dump().media.filter((m) => m.original_name === 'once.png').length,
      },
    },
    missing: [
      { method: 'media-get', input: { id: MISSING } },
      { method: 'media-rename', input: { id: MISSING, name: 'Nothing' } },
      { method: 'media-delete', input: { id: MISSING } },
    ],
  },
  campaigns: {
    // Drafts to delete, edit and start: the seed makes few.
    prepare: async (w) => {
      for (let i = 0; i < 4; i++) {
        await w.api.campaigns.create({ name: `Draft ${i}`, message: 'Draft text', channel_id: connectedChannel(w), contact_ids: reachable(w).slice(0, 2) })
      }
    },
    snapshot: ['campaigns'],
    rows: {
      candidates: (w) => w.dump().campaigns.filter((c) => c.status === 'draft' || c.status === 'cancelled').map((c) => c.id),
      present: (w, id) => has(w, 'campaigns', 'id', id),
      removeOnServer: async (w, id) => void (await w.api.campaigns.delete(id)),
    },
    samples: {
      'create-campaign': (w) => ({ name: 'Conformance campaign', message: 'Hello all', channel_id: connectedChannel(w), contact_ids: reachable(w).slice(0, 2) }),
      'update-campaign': (w) => ({ campaignId: draft(w), changes: { name: 'Renamed campaign', message: 'New text' } }),
      'campaign-command': (w) => ({ campaignId: draft(w), command: 'start' }),
    },
    lostAnswer: {
      'create-campaign': {
        method: 'POST',
        path: '/campaigns',
        queue: (w, outbox) =>
          outbox.queue('create-campaign', { name: fresh('Created once'), message: 'Once', channel_id: connectedChannel(w), contact_ids: reachable(w).slice(0, 1) }),
        effects: async (w) => w.dump().campaigns.filter((c) => c.name.startsWith('Created once')).length,
      },
      'campaign-command': (() => {
        let started = 0
        return {
          method: 'POST',
          path: /\/campaigns\/\d+\/start$/,
          queue: (w: World, outbox: Outbox) => outbox.queue('campaign-command', { campaignId: (started = draft(w)), command: 'start' }),
          // Started (a second start would be refused, and the suite checks the action ended done).
          effects: async (w: World) => w.dump().campaigns.filter((c) => c.id === started && c.status !== 'draft').length,
        }
      })(),
    },
    missing: [
      { method: 'campaign-deliveries-csv', input: { id: MISSING } },
      { method: 'campaign-get', input: { id: MISSING } },
      { method: 'campaign-update', input: { id: MISSING, changes: { name: 'Nothing' } } },
      { method: 'campaign-delete', input: { id: MISSING } },
      { method: 'campaign-command', input: { id: MISSING, command: 'start' } },
    ],
  },
  team: {
    snapshot: ['team'],
    rows: {
      // The seed's first member is the admin; later ones may go.
      candidates: (w) => w.dump().team.map((m) => m.id).slice(1),
      present: (w, id) => has(w, 'team_members', 'id', id),
      removeOnServer: async (w, id) => void (await w.api.team.delete(id)),
    },
    // More members than the seed makes, so a test can remove one and another be deleted on the server.
    prepare: async (w) => {
      for (let i = 0; i < 3; i++) await w.api.team.create({ name: `Agent ${i}`, email: `agent${i}.${process.pid}@example.com`, role: 'agent', password: 'conformance-pw' })
    },
    samples: {
      'create-team-member': () => ({ name: 'Conformance Agent', email: `c.${process.pid}.${++unique}@example.com`, role: 'agent', passwordRef: holdSecret('sample-password') }),
      'update-team-member': (w) => ({ teamMemberId: w.dump().team[0]!.id, changes: { name: 'Renamed member', role: 'admin' } }),
    },
    lostAnswer: {
      'create-team-member': {
        method: 'POST',
        path: '/team',
        queue: (_w, outbox) =>
          outbox.queue('create-team-member', { name: 'Made once', email: `once.${process.pid}@example.com`, role: 'agent', passwordRef: holdSecret('once-password') }),
        effects: async (w) => w.dump().team.filter((m) => m.email === `once.${process.pid}@example.com`).length,
      },
    },
    missing: [
      { method: 'team-update', input: { id: MISSING, changes: { name: 'Nobody' } } },
      { method: 'team-delete', input: { id: MISSING } },
    ],
  },
  webhooks: {
    snapshot: ['webhooks'],
    rows: {
      candidates: (w) => w.dump().webhooks.map((h) => h.id),
      present: (w, id) => has(w, 'webhooks', 'id', id),
      removeOnServer: async (w, id) => void (await w.api.webhooks.delete(id)),
    },
    prepare: async (w) => {
      for (let i = 0; i < 3; i++) await w.api.webhooks.create({ name: `Hook ${i}`, url: `https://hooks.example.com/${i}`, events: ['contact.created'] })
    },
    samples: {
      'create-webhook': () => ({ name: 'Conformance hook', url: 'https://example.com/conformance', events: ['contact.created', 'message.received'] }),
      'update-webhook': (w) => ({ webhookId: w.dump().webhooks[0]!.id, changes: { name: 'Renamed hook', is_active: false } }),
    },
    lostAnswer: {
      'create-webhook': {
        method: 'POST',
        path: '/webhooks',
        queue: (_w, outbox) => outbox.queue('create-webhook', { name: 'Created once', url: 'https://example.com/once', events: ['contact.created'] }),
        effects: async (w) => w.dump().webhooks.filter((h) => h.name === 'Created once').length,
      },
    },
    missing: [
      { method: 'webhook-update', input: { id: MISSING, changes: { name: 'Nothing' } } },
      { method: 'webhook-delete', input: { id: MISSING } },
      { method: 'webhook-test', input: { id: MISSING } },
      { method: 'webhook-deliveries', input: { id: MISSING } },
      { method: 'webhook-rotate-secret', input: { id: MISSING } },
    ],
  },
  tickets: {
    snapshot: ['tickets', 'departments'],
    // The API deletes no ticket (a ticket is closed, and stays).
    rows: null,
    samples: {
      'create-ticket': () => ({ subject: 'Conformance ticket', body: 'Hello support', priority: 'high' }),
      'reply-ticket': (w) => ({ ticketId: openTicket(w), text: 'conformance: more details' }),
      'close-ticket': (w) => ({ ticketId: openTicket(w) }),
    },
    lostAnswer: {
      'create-ticket': {
        method: 'POST',
        path: '/tickets',
        queue: (_w, outbox) => outbox.queue('create-ticket', { subject: fresh('Opened once'), body: 'Once' }),
        effects: async (w) => w.dump().tickets.filter((t) => t.subject.startsWith('Opened once')).length,
      },
      'reply-ticket': (() => {
        let ticketId = 0
        return {
          method: 'POST',
          path: /\/tickets\/\d+\/reply$/,
          queue: (w: World, outbox: Outbox) => outbox.queue('reply-ticket', { ticketId: (ticketId = openTicket(w)), text: 'replied once' }),
          effects: async (w: World) =>
            w.dump().tickets.find((t) => t.id === ticketId)!.replies.filter((r) => r.message === 'replied once').length,
        }
      })(),
    },
    missing: [
      { method: 'ticket-get', input: { id: MISSING } },
      { method: 'ticket-reply', input: { id: MISSING, text: 'hello' } },
      { method: 'ticket-close', input: { id: MISSING } },
    ],
  },
  bookings: {
    snapshot: ['bookings', 'bookingTypes', 'bookingResources'],
    // The API deletes no booking (a booking is cancelled, and stays).
    rows: null,
    samples: {
      'create-booking': (w) => ({ contactId: reachable(w)[0]!, typeId: w.dump().booking_types[0]!.id, startsAt: slotAhead(3, 10) }),
      'update-booking': (w) => ({ bookingId: activeBooking(w), startsAt: slotAhead(4, 10) }),
      'cancel-booking': (w) => ({ bookingId: activeBooking(w) }),
    },
    lostAnswer: {
      'create-booking': {
        method: 'POST',
        path: '/bookings',
        queue: (w, outbox) => outbox.queue('create-booking', { contactId: reachable(w)[1]!, typeId: w.dump().booking_types[0]!.id, startsAt: slotAhead(6, 13) }),
        effects: async (w) => w.dump().bookings.filter((b) => b.contact_id === reachable(w)[1]! && Date.parse(b.starts_at) === Date.parse(slotAhead(6, 13))).length,
      },
    },
    missing: [
      { method: 'booking-get', input: { id: MISSING } },
      { method: 'booking-reschedule', input: { id: MISSING, startsAt: '2030-01-01T10:00:00Z' } },
      { method: 'booking-command', input: { id: MISSING, command: 'cancel' } },
    ],
  },
  webChat: {
    snapshot: ['webChat'],
    // The API deletes no session (a session is ended, and stays).
    rows: null,
    samples: {
      'web-chat-command': (w) => ({ sessionId: session(w, 'pending'), command: 'take-over' }),
      'web-chat-reply': (w) => ({ sessionId: session(w, 'human'), text: 'conformance: hello visitor' }),
    },
    lostAnswer: {
      'web-chat-command': (() => {
        let taken = ''
        return {
          method: 'POST',
          path: /\/take-over$/,
          queue: (w: World, outbox: Outbox) => outbox.queue('web-chat-command', { sessionId: (taken = session(w, 'ai')), command: 'take-over' }),
          effects: async (w: World) => w.dump().web_chat_sessions.filter((s) => s.session_id === taken && s.handled_by === 'human').length,
        }
      })(),
      'web-chat-reply': {
        method: 'POST',
        path: /\/messages$/,
        queue: (w, outbox) => outbox.queue('web-chat-reply', { sessionId: session(w, 'human'), text: 'answered once' }),
        effects: async (w) => w.dump().web_chat_sessions.flatMap((s) => s.messages).filter((m) => m.message === 'answered once').length,
      },
    },
    missing: [
      { method: 'web-chat-session', input: { sessionId: 'sess_missing' } },
      { method: 'web-chat-command', input: { sessionId: 'sess_missing', command: 'end' } },
      { method: 'web-chat-reply', input: { sessionId: 'sess_missing', text: 'hello' } },
    ],
  },
  'ai-agents': {
    // Personas to delete and edit beyond the three the seed makes.
    prepare: async (w) => {
      for (let i = 0; i < 4; i++) await w.api.aiAgents.create({ name: `Persona ${i}`, system_prompt: `You are persona ${i}.` })
    },
    snapshot: ['ai_agents'],
    rows: {
      candidates: (w) => w.dump().ai_agents.filter((a) => !a.is_default).map((a) => a.id).slice(-4),
      present: (w, id) => has(w, 'ai_agents', 'id', id),
      removeOnServer: async (w, id) => void (await w.api.aiAgents.delete(id)),
    },
    samples: {
      'create-ai-agent': () => ({
        name: 'Conformance agent',
        system_prompt: 'You answer briefly.',
        instruction_prompt: 'Ask for the order number.',
        response_guidelines: { language: 'Arabic', tone: 'formal' },
      }),
      'update-ai-agent': (w) => ({ agentId: nonDefaultAgent(w), changes: { name: 'Renamed agent', personality_prompt: 'Calm', is_active: false } }),
      'set-default-ai-agent': (w) => ({ agentId: nonDefaultAgent(w) }),
      'assign-ai-agent': (w) => ({ agentId: nonDefaultAgent(w), contact_ids: reachable(w).slice(0, 5) }),
    },
    lostAnswer: {
      'create-ai-agent': {
        method: 'POST',
        path: '/ai-agents',
        queue: (_w, outbox) => outbox.queue('create-ai-agent', { name: fresh('Agent made once'), system_prompt: 'Once.' }),
        effects: async (w) => w.dump().ai_agents.filter((a) => a.name.startsWith('Agent made once')).length,
      },
    },
    missing: [
      { method: 'ai-agent-get', input: { id: MISSING } },
      { method: 'ai-agent-update', input: { id: MISSING, changes: { name: 'Nobody' } } },
      { method: 'ai-agent-delete', input: { id: MISSING } },
      { method: 'ai-agent-set-default', input: { id: MISSING } },
      { method: 'ai-agent-assign', input: { id: MISSING, contactIds: [1] } },
    ],
  },
  'knowledge-base': {
    // Text entries to delete and edit, and a catalog to change, beyond what the seed makes.
    prepare: async (w) => {
      for (let i = 0; i < 4; i++) await w.api.knowledgeBase.createText({ title: `Note ${i}`, content: `Fact number ${i}.` })
      await w.api.knowledgeBase.createCatalog({ title: 'Conformance catalog', products: [{ name: 'First', price: 1 }, { name: 'Second', price: 2 }] })
    },
    snapshot: ['knowledge_base'],
    rows: {
      candidates: (w) => w.dump().knowledge_base.filter((e) => e.type === 'text').map((e) => e.id).slice(0, 4),
      present: (w, id) => has(w, 'kb_entries', 'id', id),
      removeOnServer: async (w, id) => void (await w.api.knowledgeBase.delete(id)),
    },
    samples: {
      'create-kb-text': () => ({ title: 'Conformance text', content: 'Opening hours are 9 to 5.' }),
      'update-kb-entry': (w) => ({ entryId: kbOf(w, 'text').id, changes: { title: 'Renamed entry', content: 'New text' } }),
      'upload-kb-file': (w) => ({ stagingPath: join(w.dir, 'staged.pdf'), originalName: 'staged.pdf', size: 9, mimeType: 'application/pdf', kind: 'document', extension: 'pdf' }),
      'create-kb-catalog': () => ({ title: 'Sample catalog', products: [{ name: 'Tea', price: 12 }] }),
      'submit-kb-website': () => ({ url: 'https://example.org/about' }),
      'add-kb-products': (w) => ({ entryId: kbOf(w, 'product_catalog').id, products: [{ name: 'Third', price: 3 }] }),
      'remove-kb-product': (w) => ({ entryId: kbOf(w, 'product_catalog').id, productId: kbOf(w, 'product_catalog').products[0]!.id }),
    },
    lostAnswer: {
      'create-kb-text': {
        method: 'POST',
        path: '/knowledge-base',
        queue: (_w, outbox) => outbox.queue('create-kb-text', { title: fresh('Written once'), content: 'Once.' }),
        effects: async (w) => w.dump().knowledge_base.filter((e) => e.title.startsWith('Written once')).length,
      },
      'upload-kb-file': {
        method: 'POST',
        path: '/knowledge-base/document',
        queue: async (w, outbox) => {
          const path = join(w.dir, 'once.pdf')
          await writeFile(path, '%PDF-1.4 once')
          const { accepted, ...staged } = await stageFile(join(w.dir, 'staging'), path, checkKbFile)
          return outbox.queue('upload-kb-file', { ...staged, kind: accepted.kind })
        },
        effects: async (w) => w.dump().knowledge_base.filter((e) => e.file_name === 'once.pdf').length,
      },
      'create-kb-catalog': {
        method: 'POST',
        path: '/knowledge-base/product-catalog',
        queue: (_w, outbox) => outbox.queue('create-kb-catalog', { title: fresh('Catalog once'), products: [{ name: 'Only', price: 1 }] }),
        effects: async (w) => w.dump().knowledge_base.filter((e) => e.title.startsWith('Catalog once')).length,
      },
      'submit-kb-website': {
        method: 'POST',
        path: '/knowledge-base/website',
        queue: (_w, outbox) => outbox.queue('submit-kb-website', { url: 'https://crawled-once.example/' }),
        effects: async (w) => w.dump().knowledge_base.filter((e) => e.url === 'https://crawled-once.example/').length,
      },
      'add-kb-products': {
        method: 'POST',
        path: /\/knowledge-base\/\d+\/products$/,
        queue: (w, outbox) => outbox.queue('add-kb-products', { entryId: kbOf(w, 'product_catalog').id, products: [{ name: 'Added once' }] }),
        effects: async (w) => kbOf(w, 'product_catalog').products.filter((p) => p.name === 'Added once').length,
      },
    },
    missing: [
      { method: 'kb-get', input: { id: MISSING } },
      { method: 'kb-update', input: { id: MISSING, changes: { title: 'Nothing' } } },
      { method: 'kb-delete', input: { id: MISSING } },
      { method: 'kb-products-add', input: { id: MISSING, products: [{ name: 'x' }] } },
      { method: 'kb-product-remove', input: { id: MISSING, productId: MISSING } },
    ],
  },
  voice: {
    snapshot: ['voice'],
    // One settings record per account: no row to delete (the cloned voice is a field of it).
    rows: null,
    samples: {
      'update-voice-settings': () => ({ changes: { dialect: 'egy', enabled: false } }),
      'clone-voice': (w) => ({ stagingPath: join(w.dir, 'sample.mp3'), originalName: 'sample.mp3', name: 'Conformance voice', size: 9, mimeType: 'audio/mpeg', extension: 'mp3' }),
      'remove-cloned-voice': () => ({}),
    },
    lostAnswer: {
      'clone-voice': {
        method: 'POST',
        path: '/voice/clone',
        queue: async (w, outbox) => {
          const path = join(w.dir, 'once.mp3')
          await writeFile(path, 'ID3 cloned once')
          const { accepted: _a, ...staged } = await stageFile(join(w.dir, 'staging'), path, checkVoiceSample)
          return outbox.queue('clone-voice', { ...staged, name: 'Cloned once' })
        },
        // A second clone would leave the same name, so the server's log counts clones performed.
        effects: async (w) => w.sandbox.control.requestLog().filter((r) => r.method === 'POST' && r.path.endsWith('/voice/clone') && r.acted).length,
      },
    },
    missing: [],
  },
}
