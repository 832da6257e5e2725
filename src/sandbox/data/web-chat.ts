// Web chat: sessions of the website's chat widget. The AI answers until a visitor asks for a
// human (handled_by "pending"); an agent takes over ("human"), may release it back to the AI,
// and ends it. Seeded in every state, in English and Arabic; the control surface makes
// visitors write or ask for a human.
import type { AccountStore } from './account-store'
import type { WebChatMessageRec, WebChatSender, WebChatSessionRec } from './model'
import type { Prng } from './prng'
import { HOUR, iso, isoOrNull, MINUTE } from './time'
import type { World } from './world'

const VISITORS: readonly { name: string | null; email: string | null; page: string; referrer: string | null; lines: string[] }[] = [
  { name: 'Ahmad', email: 'ahmad@example.com', page: 'https://shop.example.com/pricing', referrer: 'https://google.com', lines: ['Hi, do you ship to Jeddah?', 'Yes, we ship across Saudi Arabia within 3 days.'] },
  { name: 'سارة', email: null, page: 'https://shop.example.com/ar/products/42', referrer: null, lines: ['هل المنتج متوفر باللون الأزرق؟', 'نعم، متوفر بثلاثة ألوان.'] },
  { name: null, email: null, page: 'https://shop.example.com/', referrer: 'https://instagram.com', lines: ['Hello?', 'Hello! How can I help you today?'] },
  { name: 'Maya', email: 'maya@example.org', page: 'https://shop.example.com/checkout', referrer: null, lines: ['My payment failed twice', 'Sorry to hear that — let me connect you with a person.'] },
  { name: 'Omar', email: 'omar@example.net', page: 'https://shop.example.com/contact', referrer: 'https://bing.com', lines: ['Thanks, that solved it', 'Glad to help!'] },
]
const STATES = [
  { status: 'active', handledBy: 'ai' },
  { status: 'active', handledBy: 'ai' },
  { status: 'active', handledBy: 'human' },
  { status: 'active', handledBy: 'pending' },
  { status: 'ended', handledBy: 'ai' },
] as const

export function newSessionId(random: Prng): string {
  return `sess_${random.token(12, 'abcdef0123456789')}`
}

export function addWebChatMessage(world: World, session: WebChatSessionRec, sender: WebChatSender, message: string, now: number): WebChatMessageRec {
  const rec: WebChatMessageRec = { id: world.ids.next('webChatMessage'), sender, message, createdAt: now }
  session.messages.push(rec)
  session.lastActivityAt = now
  return rec
}

export function generateWebChat(world: World, store: AccountStore, random: Prng, base: number): void {
  VISITORS.forEach((v, i) => {
    const state = STATES[i % STATES.length]!
    const createdAt = base - (VISITORS.length - i) * HOUR
    const session: WebChatSessionRec = {
      sessionId: newSessionId(random),
      status: state.status,
      handledBy: state.handledBy,
      visitorName: v.name,
      visitorEmail: v.email,
      visitorPhone: null,
      visitorIp: `10.0.${i}.${random.int(2, 250)}`,
      pageUrl: v.page,
      referrer: v.referrer,
      humanRequestedAt: state.handledBy === 'ai' ? null : createdAt + 3 * MINUTE,
      humanTookOverAt: state.handledBy === 'human' ? createdAt + 5 * MINUTE : null,
      messages: [],
      lastActivityAt: createdAt,
      createdAt,
    }
    addWebChatMessage(world, session, 'visitor', v.lines[0]!, createdAt + MINUTE)
    addWebChatMessage(world, session, 'bot', v.lines[1]!, createdAt + 2 * MINUTE)
    store.webChatSessions.set(session.sessionId, session)
  })
}

export function webChatSessionJson(s: WebChatSessionRec) {
  return {
    session_id: s.sessionId,
    status: s.status,
    handled_by: s.handledBy,
    visitor_name: s.visitorName,
    visitor_email: s.visitorEmail,
    visitor_phone: s.visitorPhone,
    visitor_ip: s.visitorIp,
    visitor_page_url: s.pageUrl,
    visitor_referrer: s.referrer,
    has_visitor_messages: s.messages.some((m) => m.sender === 'visitor'),
    human_requested_at: isoOrNull(s.humanRequestedAt),
    human_took_over_at: isoOrNull(s.humanTookOverAt),
    last_activity_at: iso(s.lastActivityAt),
    created_at: iso(s.createdAt),
  }
}

export function webChatMessageJson(m: WebChatMessageRec) {
  return { id: m.id, sender_type: m.sender, message: m.message, created_at: iso(m.createdAt) }
}

export function webChatDetailJson(s: WebChatSessionRec) {
  return { ...webChatSessionJson(s), messages: s.messages.map(webChatMessageJson) }
}

const PERIOD_MS = { today: 24 * HOUR, week: 7 * 24 * HOUR, month: 30 * 24 * HOUR, year: 365 * 24 * HOUR } as const
export type AnalyticsPeriod = keyof typeof PERIOD_MS

/** GET /web-chat/analytics: totals over the period and a per-bucket series for the chart. */
export function webChatAnalytics(store: AccountStore, period: AnalyticsPeriod, now: number) {
  const since = now - PERIOD_MS[period]
  const sessions = [...store.webChatSessions.values()].filter((s) => s.createdAt >= since)
  const messages = sessions.flatMap((s) => s.messages)
  const buckets = period === 'today' ? 24 : period === 'year' ? 12 : period === 'week' ? 7 : 30
  const size = PERIOD_MS[period] / buckets
  const labels: string[] = []
  const chats: number[] = []
  const counts: number[] = []
  for (let i = 0; i < buckets; i++) {
    const start = since + i * size
    labels.push(iso(start))
    chats.push(sessions.filter((s) => s.createdAt >= start && s.createdAt < start + size).length)
    counts.push(messages.filter((m) => m.createdAt >= start && m.createdAt < start + size).length)
  }
  const engaged = sessions.filter((s) => s.messages.some((m) => m.sender === 'visitor'))
  const visitors = new Set(sessions.map((s) => s.visitorIp ?? s.sessionId))
  return {
    total_chats: sessions.length,
    engaged_chats: engaged.length,
    active_chats: sessions.filter((s) => s.status === 'active').length,
    completed_chats: sessions.filter((s) => s.status === 'ended').length,
    total_messages: messages.length,
    visitor_messages: messages.filter((m) => m.sender === 'visitor').length,
    bot_messages: messages.filter((m) => m.sender === 'bot').length,
    avg_messages_per_chat: sessions.length === 0 ? 0 : Math.round((messages.length / sessions.length) * 10) / 10,
    unique_visitors: visitors.size,
    chart_data: { labels, chats, messages: counts },
  }
}
