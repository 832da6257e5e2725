// How many people a campaign would reach.
import { sql } from 'drizzle-orm'
import type { StoreDb } from '../db'

export interface Audience {
  contactIds?: readonly number[]
  listIds?: readonly number[]
  segmentIds?: readonly number[]
}

/** The chosen contacts' names, in the order chosen; ids not in the local copy are left out. */
export function namedContacts(db: StoreDb, ids: readonly number[]): { id: number; name: string }[] {
  const rows = db.all<{ id: number; name: string }>(sql`SELECT id, name FROM contacts WHERE id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`)
  const names = new Map(rows.map((r) => [r.id, r.name]))
  return ids.flatMap((id) => (names.has(id) ? [{ id, name: names.get(id)! }] : []))
}

/**
 * Unique contacts across the chosen contacts, lists and segments (someone in two lists
 * counts once), without blacklisted contacts, who are never messaged. Only contacts in the
 * local copy are counted, since only for those is it known whether they are blacklisted.
 */
export function audienceCount(db: StoreDb, audience: Audience): number {
  // Ids travel as one JSON parameter each, so any number of them fits in one statement.
  const ids = (values: readonly number[] | undefined) => JSON.stringify(values ?? [])
  const row = db.get<{ n: number }>(sql`
    SELECT count(*) AS n FROM contacts
    WHERE blacklisted = 0 AND id IN (
      SELECT value FROM json_each(${ids(audience.contactIds)})
      UNION SELECT contact_id FROM list_members WHERE list_id IN (SELECT value FROM json_each(${ids(audience.listIds)}))
      UNION SELECT contact_id FROM segment_members WHERE segment_id IN (SELECT value FROM json_each(${ids(audience.segmentIds)}))
    )`)
  return row.n
}
