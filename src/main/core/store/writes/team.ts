// Team members: replaced whole on every read; rows the outbox holds stay as the user left them.
import { and, eq, inArray } from 'drizzle-orm'
import type { TeamMember } from '../../skylight/resources/team'
import { inTransaction, type StoreDb } from '../db'
import { withoutPendingDeletes } from '../queries/pending-deletes'
import { teamMembers } from '../schema/team'
import { unsettledIds } from '../queries/unsettled-lanes'
import { replaceCollection, type ReplaceResult } from './replace'
import { upsertRows } from './upsert-rows'

export function teamMemberRow(m: TeamMember) {
  return {
    id: m.id,
    name: m.name,
    email: m.email,
    role: m.role,
    status: m.status,
    createdAt: m.created_at,
    updatedAt: m.updated_at,
  } satisfies typeof teamMembers.$inferInsert
}

/** `sweep: false` when the read may have missed rows: nothing is removed. */
export function replaceTeam(db: StoreDb, all: readonly TeamMember[], sweep = true): ReplaceResult<number> {
  return inTransaction(db, (tx) =>
    replaceCollection(withoutPendingDeletes(tx, 'teamMember', all, (m) => m.id).map(teamMemberRow), {
      keyOf: (row) => row.id,
      stored: () => new Map(tx.select().from(teamMembers).all().map((r) => [r.id, r])),
      write: (rows) => upsertRows(tx, teamMembers, rows, teamMembers.id),
      remove: (ids) => tx.delete(teamMembers).where(inArray(teamMembers.id, ids)).run(),
      busy: () => unsettledIds(tx, 'teamMember'),
    }, sweep),
  )
}

/** A member added offline (negative id), held for the outbox. */
export function insertLocalTeamMember(db: StoreDb, row: { id: number; name: string; email: string; role: string }): void {
  db.insert(teamMembers).values({ ...row, status: 'active', createdAt: new Date().toISOString(), localRevision: 1 }).run()
}

/** The server made the member: the local row takes its id and, unless edited since, its fields. */
export function rekeyTeamMember(db: StoreDb, localId: number, server: TeamMember): void {
  const local = db.select().from(teamMembers).where(eq(teamMembers.id, localId)).get()
  if (!local) return
  if (localId !== server.id) db.delete(teamMembers).where(eq(teamMembers.id, server.id)).run()
  const fields = local.localRevision <= 1 ? teamMemberRow(server) : { id: server.id }
  db.update(teamMembers).set(fields).where(eq(teamMembers.id, localId)).run()
}

/** Writes the server's copy of a member over the local one if nothing else holds it. */
export function saveTeamMemberIfUnheld(db: StoreDb, server: TeamMember): void {
  db.update(teamMembers).set(teamMemberRow(server)).where(and(eq(teamMembers.id, server.id), eq(teamMembers.localRevision, 0))).run()
}
