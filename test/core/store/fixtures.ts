// A small realistic account: Arabic and English names and messages (with and without
// harakat), emoji, mixed-direction text, three channels, lists, segments, a blacklist.
import type { StoreDb } from '../../../src/main/core/store'
import {
  replaceLists,
  replaceSegments,
  replaceTags,
  upsertContacts,
  upsertConversations,
  upsertListMembers,
  upsertMessages,
  upsertSegmentMembers,
} from '../../../src/main/core/store'
import { apiContact, apiConversation, apiGroup, apiMember, apiMessage, at } from './helpers'

export const people = [
  { id: 1, name: 'مُحَمَّد الأحمد', phone: '+966 55 123 4567', email: null, type: 'whatsapp', tags: ['VIP', 'عميل'] },
  { id: 2, name: 'Zoë Café', phone: '+33 6 12 34 56 78', email: 'zoe@cafe.example', type: 'instagram', tags: ['VIP'] },
  { id: 3, name: 'فاطمة الزهراء', phone: '+971 50 765 4321', email: 'fatima@example.ae', type: 'telegram', tags: [] },
  { id: 4, name: 'adam smith', phone: '+1 415 555 0100', email: 'adam@example.com', type: 'whatsapp', tags: ['lead'], blacklisted: true },
  { id: 5, name: 'Émile Zola 📚', phone: '+33 1 00 00 00 00', email: null, type: 'telegram', tags: ['lead'] },
] as const

export const threads: Record<number, { id: number; content: string; direction: 'inbound' | 'outbound'; minute: number }[]> = {
  1: [
    { id: 101, content: 'السلام عليكم، أريد الاستفسار عن الطلب', direction: 'inbound', minute: 10 },
    { id: 102, content: 'وعليكم السلام يا مُحَمَّد 🌙 الطلب في الطريق', direction: 'outbound', minute: 12 },
    { id: 103, content: 'شكراً جزيلاً! order #4521 وصل', direction: 'inbound', minute: 30 },
  ],
  2: [
    { id: 201, content: 'Bonjour! Is the café open on Sunday? ☕', direction: 'inbound', minute: 5 },
    { id: 202, content: 'Yes, Zoë — from 9 to 5 🙂', direction: 'outbound', minute: 6 },
  ],
  3: [{ id: 301, content: 'هل يوجد مدرسة قريبة؟', direction: 'inbound', minute: 40 }],
  4: [{ id: 401, content: 'Stop messaging me', direction: 'inbound', minute: 1 }],
  5: [{ id: 501, content: 'Le café de la gare est fermé', direction: 'inbound', minute: 20 }],
}

export function seedAccount(db: StoreDb): void {
  replaceTags(db, [
    { id: 1, title: 'VIP', contacts_count: 2, created_at: at(0) },
    { id: 2, title: 'lead', contacts_count: 2, created_at: at(0) },
    { id: 3, title: 'عميل', contacts_count: 1, created_at: at(0) },
  ])
  upsertContacts(
    db,
    people.map((p) => apiContact({ ...p, tags: [...p.tags], last_message_at: at(Math.max(...(threads[p.id] ?? []).map((m) => m.minute))) })),
  )
  replaceLists(db, [apiGroup({ id: 10, name: 'Riyadh customers' }), apiGroup({ id: 11, name: 'Newsletter' })])
  replaceSegments(db, [apiGroup({ id: 20, name: 'Active this month' })])
  upsertListMembers(db, 10, [apiMember({ id: 1 }), apiMember({ id: 3 })])
  upsertListMembers(db, 11, [apiMember({ id: 1 }), apiMember({ id: 2 }), apiMember({ id: 4 })])
  upsertSegmentMembers(db, 20, [apiMember({ id: 2 }), apiMember({ id: 5 })])
  upsertConversations(
    db,
    people.map((p) => {
      const last = threads[p.id]!.at(-1)!
      return apiConversation({
        contact_id: p.id,
        contact_name: p.name,
        channel: p.type,
        last_message: last.content,
        last_message_at: at(last.minute),
        unread_count: last.direction === 'inbound' ? 1 : 0,
      })
    }),
  )
  for (const [contactId, thread] of Object.entries(threads)) {
    upsertMessages(
      db,
      Number(contactId),
      thread.map((m) =>
        apiMessage({ ...m, contact_id: Number(contactId), status: 'delivered', sent_at: at(m.minute), created_at: at(m.minute) }),
      ),
    )
  }
}
