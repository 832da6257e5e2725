// The plan's limits, checked before anything is queued: adding a contact, a media file, a
// campaign or a team member over the plan is refused at once with the plan's number, not
// by a 403 when the outbox reaches the server minutes later. The subscription is the last
// one sync read; the local count (which includes rows queued offline) is used when it is
// higher than the server's `used`.
import { sql } from 'drizzle-orm'
import { t } from './language'
import type { StoreDb } from './store'
import { account } from './store/schema/account'
import { campaigns } from './store/schema/campaigns'
import { contacts } from './store/schema/contacts'
import { media } from './store/schema/media'
import { teamMembers } from './store/schema/team'

export type LimitName = 'contacts' | 'team_members' | 'media_files' | 'campaigns'

/** Refused before queueing: the contract's `forbidden`, with the plan's own number. */
export class PlanLimitError extends Error {
  readonly type = 'forbidden'
  constructor(
    message: string,
    readonly limit: LimitName,
    readonly max: number,
  ) {
    super(message)
    this.name = 'PlanLimitError'
  }
}

function localCount(db: StoreDb, limit: LimitName): number {
  const table = { contacts, team_members: teamMembers, media_files: media, campaigns }[limit]
  return db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${table}`).n
}

/** Throws PlanLimitError when adding `adding` more would pass the plan's maximum. */
export function checkPlanLimit(db: StoreDb, limit: LimitName, adding = 1): void {
  const row = db.select({ subscription: account.subscription }).from(account).get()
  const entry = row?.subscription?.limits?.[limit]
  // No subscription read yet, or an unlimited plan: the server stays the judge.
  if (!entry || entry.max === null || entry.max === undefined) return
  const used = Math.max(entry.used ?? 0, localCount(db, limit))
  if (used + adding <= entry.max) return
  throw new PlanLimitError(
    t().plan_limit_reached({ plan: row?.subscription?.plan?.name || null, limit, max: entry.max, used }),
    limit,
    entry.max,
  )
}

/** Used/max of every limit the plan reports, for the plan's usage bars. */
export function planUsage(db: StoreDb) {
  const row = db.select({ subscription: account.subscription }).from(account).get()
  return row?.subscription ?? null
}
