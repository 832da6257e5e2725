// Support tickets: the account's conversation with SkyLight's support team. Seeded in every
// status, with departments in English and Arabic; support's answers are added by the control
// surface (or the seed), never by the API.
import type { AccountStore } from './account-store'
import type { DepartmentRec, TicketPriority, TicketRec, TicketReplyRec } from './model'
import type { Prng } from './prng'
import { DAY, HOUR, iso, isoOrNull } from './time'
import type { World } from './world'

const DEPARTMENTS = ['Technical Support', 'Billing', 'المبيعات']
const REFERENCE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
const SUPPORT_NAME = 'SkyLight Support'

const SEEDED: readonly { subject: string; body: string; priority: TicketPriority; answer: string | null; closed: boolean }[] = [
  {
    subject: 'WhatsApp channel not sending messages',
    body: 'Since this morning our WhatsApp channel stopped delivering messages.',
    priority: 'high',
    answer: 'We have restarted the connection on our side. Could you try sending again?',
    closed: false,
  },
  { subject: 'سؤال عن الفاتورة الشهرية', body: 'تم خصم المبلغ مرتين هذا الشهر، نرجو المراجعة.', priority: 'medium', answer: null, closed: false },
  {
    subject: 'Billing question about my subscription',
    body: 'Can we switch to yearly billing without losing our current plan?',
    priority: 'low',
    answer: 'Yes — the switch keeps your plan and credits the remaining month.',
    closed: true,
  },
  { subject: 'طلب زيادة حد الرسائل', body: 'نحتاج إلى رفع الحد اليومي للحملات خلال شهر رمضان.', priority: 'medium', answer: 'تم رفع الحد لمدة شهر.', closed: false },
  { subject: 'Instagram DMs arrive late', body: 'Direct messages show up in the inbox with a delay of several minutes.', priority: 'medium', answer: null, closed: false },
]

export function referenceCode(random: Prng): string {
  return random.token(8, REFERENCE_ALPHABET)
}

export function addReply(world: World, ticket: TicketRec, message: string, isAdmin: boolean, authorName: string, now: number): TicketReplyRec {
  const reply: TicketReplyRec = { id: world.ids.next('ticketReply'), message, isAdmin, authorName, createdAt: now }
  ticket.replies.push(reply)
  ticket.updatedAt = now
  return reply
}

/** Support answers: the ticket becomes `answered` (a closed ticket stays closed). */
export function supportReply(world: World, ticket: TicketRec, message: string, now: number): TicketReplyRec {
  const reply = addReply(world, ticket, message, true, SUPPORT_NAME, now)
  if (ticket.status !== 'closed') ticket.status = 'answered'
  return reply
}

export function generateTickets(world: World, store: AccountStore, random: Prng, base: number): void {
  for (const title of DEPARTMENTS) store.departments.push({ id: world.ids.next('department'), title })
  const owner = `${store.profile.primaryUser.firstName} ${store.profile.primaryUser.lastName}`
  SEEDED.forEach((seed, i) => {
    const createdAt = base - (SEEDED.length - i) * 2 * DAY - random.int(0, 10) * HOUR
    const ticket: TicketRec = {
      id: world.ids.next('ticket'),
      reference: referenceCode(random),
      subject: seed.subject,
      priority: seed.priority,
      status: 'open',
      departmentId: store.departments[i % store.departments.length]!.id,
      replies: [],
      createdAt,
      updatedAt: createdAt,
    }
    addReply(world, ticket, seed.body, false, owner, createdAt)
    if (seed.answer) supportReply(world, ticket, seed.answer, createdAt + random.int(1, 8) * HOUR)
    if (seed.closed) ticket.status = 'closed'
    store.tickets.set(ticket.id, ticket)
  })
}

const lastReplyAt = (t: TicketRec) => t.replies.at(-1)?.createdAt ?? null

export function departmentJson(d: DepartmentRec) {
  return { id: d.id, title: d.title }
}

export function ticketJson(store: AccountStore, t: TicketRec) {
  const department = store.departments.find((d) => d.id === t.departmentId)
  return {
    id: t.id,
    ticket_id: t.reference,
    subject: t.subject,
    priority: t.priority,
    status: t.status,
    department: department ? departmentJson(department) : null,
    last_reply_at: isoOrNull(lastReplyAt(t)),
    created_at: iso(t.createdAt),
    updated_at: iso(t.updatedAt),
  }
}

export function ticketReplyJson(r: TicketReplyRec) {
  return { id: r.id, message: r.message, is_admin: r.isAdmin, user_name: r.authorName, created_at: iso(r.createdAt) }
}

/** GET /tickets/{id}: the ticket with its full reply history, oldest first. */
export function ticketDetailJson(store: AccountStore, t: TicketRec) {
  return { ...ticketJson(store, t), replies: t.replies.map(ticketReplyJson) }
}
