// Tags, lists and segments are small and re-read whole; a list's or segment's members are
// re-read only when its member count changed (or on a full pass).
import type { Page } from '../../skylight'
import type { Member } from '../../skylight/resources/groups'
import {
  inTransaction,
  listIds,
  markAll,
  replaceLists,
  replaceSegments,
  replaceTags,
  segmentIds,
  sweepUnseen,
  upsertListMembers,
  upsertSegmentMembers,
  withoutPendingDeletes,
  type StoreDb,
} from '../../store'
import { call, PER_PAGE, readAllPages, type SyncContext } from '../context'

export async function syncGroups(ctx: SyncContext, allMembers: boolean): Promise<void> {
  const [tags, lists, segments] = await Promise.all([
    // Tags come whole, without pages.
    ctx.api.tags.list(call(ctx)).then((r) => r.items),
    readAllPages((page) => ctx.api.lists.list({ page, per_page: PER_PAGE }, call(ctx))),
    readAllPages((page) => ctx.api.segments.list({ page, per_page: PER_PAGE }, call(ctx))),
  ])
  // One whose delete still waits in the outbox stays gone here until the delete is done.
  const written = inTransaction(ctx.db, (tx) => ({
    tags: replaceTags(tx, withoutPendingDeletes(tx, 'tag', tags, (t) => t.id)),
    lists: replaceLists(tx, withoutPendingDeletes(tx, 'list', lists, (l) => l.id)),
    segments: replaceSegments(tx, withoutPendingDeletes(tx, 'segment', segments, (s) => s.id)),
  }))
  ctx.changed('groups')

  // Only ones SkyLight has: one created offline (a negative id) has no members to read yet.
  const onServer = (id: number) => id > 0
  const changedLists = (allMembers ? listIds(ctx.db) : [...written.lists.inserted, ...written.lists.updated]).filter(onServer)
  const changedSegments = (allMembers ? segmentIds(ctx.db) : [...written.segments.inserted, ...written.segments.updated]).filter(onServer)
  for (const id of changedLists) {
    await syncMembers(ctx, (page) => ctx.api.lists.members(id, { page, per_page: PER_PAGE }, call(ctx)), (db, items) =>
      upsertListMembers(db, id, items), { resource: 'list-members', listId: id })
  }
  for (const id of changedSegments) {
    await syncMembers(ctx, (page) => ctx.api.segments.members(id, { page, per_page: PER_PAGE }, call(ctx)), (db, items) =>
      upsertSegmentMembers(db, id, items), { resource: 'segment-members', segmentId: id })
  }
  if (changedLists.length + changedSegments.length > 0) ctx.changed('contacts')
}

/** Marks the group's members, re-reads them page by page (a transaction each), sweeps the rest. */
async function syncMembers(
  ctx: SyncContext,
  fetch: (page: number) => Promise<Page<Member>>,
  write: (db: StoreDb, items: readonly Member[]) => number,
  target: Parameters<typeof markAll>[1],
): Promise<void> {
  markAll(ctx.db, target)
  for (let page = 1; ; page++) {
    const result = await fetch(page)
    write(ctx.db, result.items)
    if (page >= result.lastPage || result.items.length === 0) break
  }
  sweepUnseen(ctx.db, target)
}
