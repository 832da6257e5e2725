// Looking on the server for the effect of a request that may have arrived before its answer
// was lost. The send and upload endpoints take no idempotency key, so the record itself is
// the only evidence, and it is judged by the server's own ids, never the local clock: just
// before a request goes out, the newest id of the list its record would join is noted
// (`observe`); a record found later matches only if it is newer than that, made of what the
// action sent, and not already matched to another action (two identical messages queued on
// purpose are two messages). Whether a match is certainly this action's, or could be a
// colleague's, is decided by attempt.ts from whether anyone looked right after the request.
import type { RunContext } from './actions/define'

interface Dated {
  id: number
  created_at: string | null
}

export function candidate<T extends Dated>(ctx: RunContext, items: readonly T[], match: (item: T) => boolean): T | null {
  // Oldest first among the candidates, so actions queued in order claim records in order.
  const found = items.filter((item) => !ctx.claimed.has(item.id) && isNewer(ctx, item) && match(item)).sort((a, b) => a.id - b.id)
  return found[0] ?? null
}

// An action queued by a version that noted no id falls back to the record's date.
const isNewer = (ctx: RunContext, item: Dated) => (ctx.afterId !== null ? item.id > ctx.afterId : datedSince(item, ctx.since))

// A record without a date cannot be ruled out by it.
const datedSince = (item: Dated, since: number) => item.created_at === null || (Date.parse(item.created_at) || 0) >= since

/** The newest id among the items; 0 for none. */
const newest = (items: readonly { id: number }[]) => items.reduce((max, item) => Math.max(max, item.id), 0)

/**
 * For an action whose record joins one list: that list read the same way twice — its newest
 * id just before the request (`observe`), and after a lost answer, the record newer than
 * that made of what the action sent (`reconcile`). The way a new resource's create or child
 * post gets clock-free reconciling.
 */
export function reconcileInList<P, T extends Dated>(
  list: (ctx: RunContext, p: P) => Promise<readonly T[]>,
  match: (item: T, p: P) => boolean,
): { observe(ctx: RunContext, p: P): Promise<number>; reconcile(ctx: RunContext, p: P): Promise<{ serverId: number; record: T } | null> } {
  return {
    observe: async (ctx, p) => newest(await list(ctx, p)),
    reconcile: async (ctx, p) => {
      const found = candidate(ctx, await list(ctx, p), (item) => match(item, p))
      return found ? { serverId: found.id, record: found } : null
    },
  }
}

async function outboundHistory(ctx: RunContext, contactId: number) {
  const first = await ctx.api.messages.list(contactId, { per_page: 100, direction: 'outbound' }, ctx.call)
  // The docs fix no order for a contact's history: when page 1 holds the oldest, the
  // newest are on the last page.
  const times = first.items.map((m) => Date.parse(m.created_at ?? '') || 0)
  const ascending = times.length > 1 && times[0]! < times.at(-1)!
  if (ascending && first.lastPage > 1) {
    const last = await ctx.api.messages.list(contactId, { per_page: 100, direction: 'outbound', page: first.lastPage }, ctx.call)
    return [...last.items, ...first.items.slice(-20)]
  }
  return first.items
}

export async function findSentMessage(ctx: RunContext, contactId: number, text: string) {
  return candidate(ctx, await outboundHistory(ctx, contactId), (m) => m.content === text && m.direction !== 'inbound')
}

export async function newestSentMessageId(ctx: RunContext, contactId: number): Promise<number> {
  return newest(await outboundHistory(ctx, contactId))
}

const newestMedia = (ctx: RunContext) => ctx.api.media.list({ per_page: 100 }, ctx.call).then((page) => page.items)

export async function findUpload(ctx: RunContext, originalName: string, size: number) {
  return candidate(ctx, await newestMedia(ctx), (m) => m.original_name === originalName && m.file_size === size)
}

export async function newestUploadId(ctx: RunContext): Promise<number> {
  return newest(await newestMedia(ctx))
}

const digits = (phone: string | null | undefined) => (phone ?? '').replace(/\D/g, '')

type ContactInput = { name: string; phone?: string | null; email?: string | null }

// Every contact the search finds, so the id noted before covers each one that could match.
// By the phone's digits: the server stores `+966 55 777 1234` as +966557771234, so the
// string as typed would find nothing and the contact would be created a second time.
const contactsLike = (ctx: RunContext, input: ContactInput) =>
  ctx.api.contacts.list({ search: (input.phone && digits(input.phone)) || input.email || input.name, per_page: 100 }, ctx.call).then((page) => page.items)

export async function findCreatedContact(ctx: RunContext, input: ContactInput) {
  return candidate(ctx, await contactsLike(ctx, input), (c) =>
    input.phone ? digits(c.phone) === digits(input.phone) : c.name === input.name && (c.email ?? null) === (input.email ?? null),
  )
}

export async function newestContactLike(ctx: RunContext, input: ContactInput): Promise<number> {
  return newest(await contactsLike(ctx, input))
}

const newestCampaigns = (ctx: RunContext) => ctx.api.campaigns.list({ per_page: 100 }, ctx.call).then((page) => page.items)

export async function findCreatedCampaign(ctx: RunContext, input: { name: string; message: string }) {
  return candidate(ctx, await newestCampaigns(ctx), (c) => c.name === input.name && c.message === input.message)
}

export async function newestCampaignId(ctx: RunContext): Promise<number> {
  return newest(await newestCampaigns(ctx))
}

const notesOf = (ctx: RunContext, contactId: number) => ctx.api.contacts.notes(contactId, ctx.call).then((page) => page.items)

export async function findNote(ctx: RunContext, contactId: number, text: string) {
  return candidate(ctx, await notesOf(ctx, contactId), (n) => n.content === text)
}

export async function newestNoteId(ctx: RunContext, contactId: number): Promise<number> {
  return newest(await notesOf(ctx, contactId))
}

export async function findCreatedAiAgent(ctx: RunContext, input: { name: string; system_prompt: string }) {
  const page = await ctx.api.aiAgents.list(ctx.call)
  return candidate(ctx, page.items, (a) => a.name === input.name.trim() && a.system_prompt === input.system_prompt.trim())
}

export async function newestAiAgentId(ctx: RunContext): Promise<number> {
  return newest((await ctx.api.aiAgents.list(ctx.call)).items)
}

export async function newestKbEntryId(ctx: RunContext, type: string): Promise<number> {
  return newest((await ctx.api.knowledgeBase.list({ type, per_page: 100 }, ctx.call)).items)
}

/** A knowledge-base entry this action may have made: same type and what identifies it. */
export async function findCreatedKbEntry(ctx: RunContext, type: string, search: string, match: (e: { title: string; file_name: string | null; file_size: number | null; url: string | null; products_count: number | null }) => boolean) {
  const page = await ctx.api.knowledgeBase.list({ type, search, per_page: 100 }, ctx.call)
  return candidate(ctx, page.items, (e) => e.type === type && match(e))
}
