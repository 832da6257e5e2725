// What a complete copy of an account costs at the least, and how long the rate limit
// makes it take at the least: the yardsticks the sync benchmarks measure against.

const PER_PAGE = 100
const pages = (n: number) => Math.max(1, Math.ceil(n / PER_PAGE))

/** The fewest requests a complete copy needs with 100 items a page (from a sandbox dump). */
export function minimumRequests(dump: any): number {
  const messagePages = Object.values(dump.messages as Record<string, unknown[]>).filter((m) => m.length > 0).reduce((n, m) => n + pages(m.length), 0)
  const memberPages = [...dump.lists, ...dump.segments].reduce((n: number, g: any) => n + pages(g.member_ids.length), 0)
  const deliveryPages = dump.campaigns.reduce((n: number, c: any) => n + pages(c.contacts.length), 0)
  return (
    3 + // account, subscription, channels
    pages(dump.conversations.length) +
    messagePages +
    pages(dump.contacts.length) +
    3 + // tags, lists, segments
    memberPages +
    pages(dump.media.length) +
    pages(dump.campaigns.length) +
    deliveryPages +
    pages(dump.team.length) +
    2 + // webhooks (one unpaginated list), the webhook event catalogue
    // Support tickets and their departments; a ticket's replies come only with the ticket.
    pages(dump.tickets.length) + 1 + dump.tickets.length +
    pages(dump.bookings.length) + 2 + // bookings, their types and resources
    // Web chat sessions; a session's messages come only with the session.
    pages(dump.web_chat_sessions.length) + dump.web_chat_sessions.length +
    pages(dump.ai_agents.length) +
    // Knowledge-base entries; an entry's text or products come only with the entry.
    pages(dump.knowledge_base.length) + dump.knowledge_base.length +
    2 // voice settings, the dialects
  )
}

/**
 * The first window's requests go at once; every further `limit` of them (or part of it)
 * waits a whole window, since a window's slots come back together when it ends.
 */
export function rateFloorMs(requests: number, rate: { limit: number; windowMs: number }): number {
  return Math.max(0, Math.ceil(requests / rate.limit) - 1) * rate.windowMs
}
