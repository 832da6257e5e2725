// What the Account area lists: team members (optionally by role) and webhooks, each with
// whether a queued change still holds it.
import { asc, eq } from 'drizzle-orm'
import type { StoreDb } from '../db'
import { teamMembers } from '../schema/team'
import { webhookEvents, webhooks } from '../schema/webhooks'

export function teamList(db: StoreDb, role?: string) {
  const query = db.select().from(teamMembers)
  const rows = (role ? query.where(eq(teamMembers.role, role)) : query).orderBy(asc(teamMembers.name), asc(teamMembers.id)).all()
  return rows.map(({ localRevision, ...row }) => ({ ...row, pending: localRevision > 0 || row.id < 0 }))
}
export type TeamMemberItem = ReturnType<typeof teamList>[number]

export function webhookList(db: StoreDb) {
  return db
    .select()
    .from(webhooks)
    .orderBy(asc(webhooks.id))
    .all()
    .map(({ localRevision, ...row }) => ({ ...row, pending: localRevision > 0 || row.id < 0 }))
}
export type WebhookItem = ReturnType<typeof webhookList>[number]

export const teamCount = (db: StoreDb) => db.$count(teamMembers)

export function webhookEventList(db: StoreDb) {
  return db.select({ name: webhookEvents.name, group: webhookEvents.group, description: webhookEvents.description }).from(webhookEvents).orderBy(asc(webhookEvents.position)).all()
}
