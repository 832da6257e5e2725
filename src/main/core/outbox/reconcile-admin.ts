// Settling an unknown outcome of a team-member or webhook create (POST without an
// idempotency key): the record itself is the evidence, matched on what the action sent
// and not already claimed by another action.
import type { RunContext } from './actions/define'
import { readAllPages } from '../sync/context'

export async function findCreatedTeamMember(ctx: RunContext, email: string) {
  const all = await readAllPages((page) => ctx.api.team.list({ page, per_page: 100 }, ctx.call))
  const folded = email.trim().toLowerCase()
  // Emails are unique in a team, so the date need not narrow it down.
  return all.find((m) => !ctx.claimed.has(m.id) && m.email?.toLowerCase() === folded) ?? null
}

export async function findCreatedWebhook(ctx: RunContext, input: { name: string; url: string }) {
  const all = await readAllPages((page) => ctx.api.webhooks.list({ page }, ctx.call))
  const since = (at: string | null) => at === null || (Date.parse(at) || 0) >= ctx.since
  return (
    all
      .filter((w) => !ctx.claimed.has(w.id) && w.name === input.name && w.url === input.url && since(w.created_at))
      .sort((a, b) => a.id - b.id)[0] ?? null
  )
}
