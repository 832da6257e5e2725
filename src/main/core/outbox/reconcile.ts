// Looking on the server for the effect of a request that may have arrived before its answer
// was lost. The send and upload endpoints take no idempotency key, so the record itself is
// the only evidence: matched on what the action sent, dated no earlier than its first
// attempt, and not already matched to another action (two identical messages queued on
// purpose are two messages).
import type { RunContext } from './actions/define'

interface Dated {
  id: number
  created_at: string | null
}

function candidate<T extends Dated>(ctx: RunContext, items: readonly T[], match: (item: T) => boolean): T | null {
  // Oldest first among the candidates, so actions queued in order claim records in order.
  const found = items
    .filter((item) => !ctx.claimed.has(item.id) && datedSince(item, ctx.since) && match(item))
    .sort((a, b) => a.id - b.id)
  return found[0] ?? null
}

// A record without a date cannot be ruled out by it.
const datedSince = (item: Dated, since: number) => item.created_at === null || (Date.parse(item.created_at) || 0) >= since

export async function findSentMessage(ctx: RunContext, contactId: number, text: string) {
  const first = await ctx.api.messages.list(contactId, { per_page: 100, direction: 'outbound' }, ctx.call)
  let items = first.items
  // The docs fix no order for a contact's history: when page 1 holds the oldest, the
  // newest are on the last page.
  const times = items.map((m) => Date.parse(m.created_at ?? '') || 0)
  const ascending = times.length > 1 && times[0]! < times.at(-1)!
  if (ascending && first.lastPage > 1) {
    const last = await ctx.api.messages.list(contactId, { per_page: 100, direction: 'outbound', page: first.lastPage }, ctx.call)
    items = [...last.items, ...items.slice(-20)]
  }
  return candidate(ctx, items, (m) => m.content === text && m.direction !== 'inbound')
}

export async function findUpload(ctx: RunContext, originalName: string, size: number) {
  const page = await ctx.api.media.list({ per_page: 100 }, ctx.call)
  return candidate(ctx, page.items, (m) => m.original_name === originalName && m.file_size === size)
}

const digits = (phone: string | null | undefined) => (phone ?? '').replace(/\D/g, '')

export async function findCreatedContact(ctx: RunContext, input: { name: string; phone?: string | null; email?: string | null }) {
  // By the phone's digits: the server stores `+966 55 777 1234` as +966557771234, so the
  // string as typed would find nothing and the contact would be created a second time.
  const search = (input.phone && digits(input.phone)) || input.email || input.name
  const page = await ctx.api.contacts.list({ search, per_page: 100 }, ctx.call)
  return candidate(ctx, page.items, (c) =>
    input.phone ? digits(c.phone) === digits(input.phone) : c.name === input.name && (c.email ?? null) === (input.email ?? null),
  )
}

export async function findCreatedCampaign(ctx: RunContext, input: { name: string; message: string }) {
  const page = await ctx.api.campaigns.list({ per_page: 100 }, ctx.call)
  return candidate(ctx, page.items, (c) => c.name === input.name && c.message === input.message)
}

export async function findNote(ctx: RunContext, contactId: number, text: string) {
  const page = await ctx.api.contacts.notes(contactId, ctx.call)
  return candidate(ctx, page.items, (n) => n.content === text)
}

export async function findCreatedAiAgent(ctx: RunContext, input: { name: string; system_prompt: string }) {
  const page = await ctx.api.aiAgents.list(ctx.call)
  return candidate(ctx, page.items, (a) => a.name === input.name.trim() && a.system_prompt === input.system_prompt.trim())
}

/** A knowledge-base entry this action may have made: same type and what identifies it. */
export async function findCreatedKbEntry(ctx: RunContext, type: string, search: string, match: (e: { title: string; file_name: string | null; file_size: number | null; url: string | null; products_count: number | null }) => boolean) {
  const page = await ctx.api.knowledgeBase.list({ type, search, per_page: 100 }, ctx.call)
  return candidate(ctx, page.items, (e) => e.type === type && match(e))
}
