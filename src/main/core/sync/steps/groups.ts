// Tags, lists and segments are small and re-read whole; a list's or segment's members are
// re-read only when its member count changed (or on a full pass). Nothing is removed after
// a read that did not provably see the whole list (pass-check.ts): a suspicious page stops
// the step before anything is written, and items that failed validation keep it from
// sweeping — either way the sync status says so.
import type { Page } from '../../skylight'
import type { Member } from '../../skylight/resources/groups'
import {
  countStoredRows,
  countUnseenChildren,
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
import { call, PER_PAGE, type SyncContext } from '../context'
import { checkPage, IncompletePassError, incompleteMessage, readCheckedList, SweepRefusals, unreadableMessage } from '../pass-check'
import { t } from '../../language'

export async function syncGroups(ctx: SyncContext, allMembers: boolean): Promise<void> {
  const refusals = new SweepRefusals()
  const [tags, lists, segments] = await Promise.all([
    // Tags come whole, without pages.
    readCheckedList(() => ctx.api.tags.list(call(ctx)), PER_PAGE, t().sync_noun_tags(), countStoredRows(ctx.db, 'tags')),
    readCheckedList((page) => ctx.api.lists.list({ page, per_page: PER_PAGE }, call(ctx)), PER_PAGE, t().sync_noun_lists(), countStoredRows(ctx.db, 'lists')),
    readCheckedList((page) => ctx.api.segments.list({ page, per_page: PER_PAGE }, call(ctx)), PER_PAGE, t().sync_noun_segments(), countStoredRows(ctx.db, 'segments')),
  ])
  // One whose delete still waits in the outbox stays gone here until the delete is done.
  const written = inTransaction(ctx.db, (tx) => ({
    tags: replaceTags(tx, withoutPendingDeletes(tx, 'tag', tags.items, (tag) => tag.id), tags.invalid === 0),
    lists: replaceLists(tx, withoutPendingDeletes(tx, 'list', lists.items, (l) => l.id), lists.invalid === 0),
    segments: replaceSegments(tx, withoutPendingDeletes(tx, 'segment', segments.items, (s) => s.id), segments.invalid === 0),
  }))
  for (const [noun, read, write] of [[t().sync_noun_tags(), tags, written.tags], [t().sync_noun_lists(), lists, written.lists], [t().sync_noun_segments(), segments, written.segments]] as const) {
    if (write.kept.length > 0) refusals.add(unreadableMessage(read.invalid, noun, write.kept.length))
  }
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
  const noun = target.resource === 'list-members' ? t().sync_noun_list_members({ id: target.listId }) : t().sync_noun_segment_members({ id: target.segmentId })
  const known = markAll(ctx.db, target)
  let invalid = 0
  for (let page = 1; ; page++) {
    const result = await fetch(page)
    const verdict = checkPage(page, result, PER_PAGE, noun, page === 1 ? known : 0)
    if (!verdict.ok) throw new IncompletePassError(incompleteMessage(verdict.reason))
    write(ctx.db, result.items)
    invalid += result.skipped
    if (page >= result.lastPage || result.items.length + result.skipped === 0) break
  }
  const unseen = countUnseenChildren(ctx.db, target)
  if (invalid > 0 && unseen > 0) refusals.add(unreadableMessage(invalid, noun, unseen))
  else sweepUnseen(ctx.db, target)
}
