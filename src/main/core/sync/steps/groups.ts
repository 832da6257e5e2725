// Tags, lists and segments are small and re-read whole; a list's or segment's members are
// re-read only when its member count changed (or on a full pass). Nothing is removed after
// a read that did not provably see the whole list (pass-check.ts): a suspicious page stops
// the step before anything is written, and items that failed validation keep it from
// sweeping — either way the sync status says so.
import type { Page } from '../../skylight'
import type { Member } from '../../skylight/resources/groups'
import {
  countUnseenChildren,
  inTransaction,
  listIds,
  markAll,
  replaceLists,
  replaceSegments,
  replaceTags,
  segmentIds,
  storedServerIds,
  sweepUnseen,
  upsertListMembers,
  upsertSegmentMembers,
  withoutPendingDeletes,
  type StoreDb,
} from '../../store'
import { call, PER_PAGE, type SyncContext } from '../context'
import { readCheckedList, readCheckedPages, SweepRefusals, unreadableMessage, wholeList, writeChecked } from '../pass-check'

export async function syncGroups(ctx: SyncContext, allMembers: boolean): Promise<void> {
  const refusals = new SweepRefusals()
  const [tags, lists, segments] = await Promise.all([
    // Tags come whole, without pages.
    readCheckedList(wholeList('tags', () => ctx.api.tags.list(call(ctx)), storedServerIds(ctx.db, 'tags'), (id) => ctx.api.tags.get(id, call(ctx)))),
    readCheckedList(wholeList('lists', (page) => ctx.api.lists.list({ page, per_page: PER_PAGE }, call(ctx)), storedServerIds(ctx.db, 'lists'), (id) => ctx.api.lists.get(id, call(ctx)))),
    // SkyLight cannot be asked for one segment, so an emptied segment list is never believed.
    readCheckedList(wholeList('segments', (page) => ctx.api.segments.list({ page, per_page: PER_PAGE }, call(ctx)), storedServerIds(ctx.db, 'segments'))),
  ])
  // One whose delete still waits in the outbox stays gone here until the delete is done.
  const written = inTransaction(ctx.db, (tx) => ({
    tags: writeChecked(tags, refusals, (items, sweep) => replaceTags(tx, withoutPendingDeletes(tx, 'tag', items, (t) => t.id), sweep)),
    lists: writeChecked(lists, refusals, (items, sweep) => replaceLists(tx, withoutPendingDeletes(tx, 'list', items, (l) => l.id), sweep)),
    segments: writeChecked(segments, refusals, (items, sweep) => replaceSegments(tx, withoutPendingDeletes(tx, 'segment', items, (s) => s.id), sweep)),
  }))
  ctx.changed('groups')

  // Only ones SkyLight has: one created offline (a negative id) has no members to read yet.
  const onServer = (id: number) => id > 0
  const changedLists = (allMembers ? listIds(ctx.db) : [...written.lists.inserted, ...written.lists.updated]).filter(onServer)
  const changedSegments = (allMembers ? segmentIds(ctx.db) : [...written.segments.inserted, ...written.segments.updated]).filter(onServer)
  try {
    for (const id of changedLists) {
      await syncMembers(ctx, (page) => ctx.api.lists.members(id, { page, per_page: PER_PAGE }, call(ctx)), (db, items) =>
        upsertListMembers(db, id, items), { resource: 'list-members', listId: id }, refusals)
    }
    for (const id of changedSegments) {
      await syncMembers(ctx, (page) => ctx.api.segments.members(id, { page, per_page: PER_PAGE }, call(ctx)), (db, items) =>
        upsertSegmentMembers(db, id, items), { resource: 'segment-members', segmentId: id }, refusals)
    }
  } finally {
    if (changedLists.length + changedSegments.length > 0) ctx.changed('contacts')
  }
  refusals.report()
}

/**
 * Marks the group's members, re-reads them page by page (a transaction each), and sweeps
 * the rest only after every page checked out and every member could be read.
 */
async function syncMembers(
  ctx: SyncContext,
  fetch: (page: number) => Promise<Page<Member>>,
  write: (db: StoreDb, items: readonly Member[]) => number,
  target: Extract<Parameters<typeof markAll>[1], { resource: 'list-members' | 'segment-members' }>,
  refusals: SweepRefusals,
): Promise<void> {
  const noun = target.resource === 'list-members' ? `members of list ${target.listId}` : `members of segment ${target.segmentId}`
  const known = markAll(ctx.db, target)
  const { invalid } = await readCheckedPages({ noun, fetch, perPage: PER_PAGE, known }, (items) => void write(ctx.db, items))
  const unseen = countUnseenChildren(ctx.db, target)
  if (invalid > 0 && unseen > 0) refusals.add(unreadableMessage(invalid, noun, unseen))
  else sweepUnseen(ctx.db, target)
}
