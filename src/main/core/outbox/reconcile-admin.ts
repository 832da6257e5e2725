// Settling an unknown outcome of a team-member or webhook create (POST without an
// idempotency key): the record itself is the evidence, matched on what the action sent
// and not already claimed by another action.
import type { RunContext } from './actions/define'
import { readAllPages } from '../sync/context'
import { candidate } from './reconcile'

export async function findCreatedTeamMember(ctx: RunContext, email: string) {
  const all = await readAllPages((page) => ctx.api.team.list({ page, per_page: 100 }, ctx.call))
  const folded = email.trim().toLowerCase()
  // Emails are unique in a team, so the date need not narrow it down.
  return all.find((m) => !ctx.claimed.has(m.id) && m.email?.toLowerCase() === folded) ?? null
}

const allWebhooks = (ctx: RunContext) => readAllPages((page) => ctx.api.webhooks.list({ page }, ctx.call))

/** Judged by the server's ids (newer than the newest before the request), not the clock. */
export async function findCreatedWebhook(ctx: RunContext, input: { name: string; url: string }) {
  return candidate(ctx, (await allWebhooks(ctx)).map((w) => ({ ...w, created_at: w.created_at ?? null })), (w) => w.name === input.name && w.url === input.url)
}

export async function newestWebhookId(ctx: RunContext): Promise<number> {
  return (await allWebhooks(ctx)).reduce((max, w) => Math.max(max, w.id), 0)
}
