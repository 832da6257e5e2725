// A full pass over a newest-first list: mark every stored row, re-read every page (each
// seen row is unmarked), then remove what is still marked. The page reached is saved with
// each page, so a pass interrupted by a crash or quit resumes where it stopped. Rows can
// slip past a page boundary when others are deleted meanwhile; a few unseen rows are
// therefore checked one by one before they go. Nothing is removed after a pass that did
// not provably see the whole list (pass-check.ts): a suspicious page stops the pass, to be
// read again, and items that failed validation keep the pass from sweeping.
import { BadResponseError, NotFoundError, type Page } from '../../skylight'
import { countStoredRows, getSyncState, inTransaction, markSeen, saveSyncState, sweepUnseen, unseenIds, type StoreDb } from '../../store'
import { markAllInSlices } from '../mark-in-slices'
import { PER_PAGE, type SyncContext, type SyncResource } from '../context'
import { checkPage, IncompletePassError, incompleteMessage, unreadableMessage } from '../pass-check'

const VERIFY_AT_MOST = 25

export interface DeletionPass<T> {
  resource: 'contacts' | 'media'
  view: SyncResource
  fetchPage(page: number, perPage: number): Promise<Page<T>>
  write(db: StoreDb, items: readonly T[]): { inserted: unknown[]; updated: unknown[] }
  /** Re-reads one row: its record, or NotFoundError when it is gone. */
  fetchOne(id: number): Promise<T>
}

interface PassCursor {
  page: number
  /** Items left out by validation so far in this pass: the pass may not sweep. */
  invalid?: number
}

const nouns = { contacts: 'contacts', media: 'media files' } as const

export async function runDeletionPass<T>(ctx: SyncContext, pass: DeletionPass<T>): Promise<void> {
  const state = `${pass.resource}-pass`
  const noun = nouns[pass.resource]
  const cursor = getSyncState(ctx.db, state)?.cursor as PassCursor | null | undefined
  let page = cursor?.page ?? 1
  let invalid = cursor?.invalid ?? 0
  if (!cursor) {
    // The cursor is saved only once every row is marked: interrupted before, the pass
    // starts over and marks again; after, it resumes at its page.
    await markAllInSlices(ctx, pass.resource)
    saveSyncState(ctx.db, state, { cursor: { page: 1 } satisfies PassCursor })
  }
  for (;;) {
    const result = await pass.fetchPage(page, PER_PAGE)
    const verdict = checkPage(page, result, PER_PAGE, noun, page === 1 ? countStoredRows(ctx.db, pass.resource) : 0)
    invalid += result.skipped
    const written = inTransaction(ctx.db, (tx) => {
      const w = pass.write(tx, result.items)
      // A suspicious page is read again on the next run: the cursor stays on it.
      const next = verdict.ok ? page + 1 : page
      saveSyncState(tx, state, { cursor: { page: next, ...(invalid > 0 ? { invalid } : {}) } satisfies PassCursor })
      return w
    })
    if (written.inserted.length + written.updated.length > 0) ctx.changed(pass.view)
    if (!verdict.ok) throw new IncompletePassError(incompleteMessage(verdict.reason))
    ctx.progress(pass.view, Math.min(page * PER_PAGE, result.total), result.total)
    if (page >= result.lastPage) break
    page++
  }

  const candidates = unseenIds(ctx.db, pass.resource)
  if (invalid > 0 && candidates.length > VERIFY_AT_MOST) {
    // Some rows could not be read and any unseen row may be one of them: too many to ask
    // about one by one, so none goes.
    saveSyncState(ctx.db, state, { cursor: null })
    throw new IncompletePassError(unreadableMessage(invalid, noun, candidates.length))
  }
  if (candidates.length <= VERIFY_AT_MOST) {
    const unreadable: number[] = []
    for (const id of candidates) {
      try {
        pass.write(ctx.db, [await pass.fetchOne(id)])
      } catch (error) {
        if (error instanceof NotFoundError) continue
        // With items dropped to validation, a row that cannot be read is one of them: kept.
        if (invalid > 0 && error instanceof BadResponseError) unreadable.push(id)
        else throw error
      }
    }
    markSeen(ctx.db, pass.resource, unreadable)
  }
  const removed = inTransaction(ctx.db, (tx) => {
    const n = sweepUnseen(tx, { resource: pass.resource })
    saveSyncState(tx, state, { cursor: null, lastFullPassAt: new Date(ctx.now()).toISOString() })
    return n
  })
  if (removed > 0) ctx.changed(pass.view)
}
