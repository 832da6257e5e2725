// A full pass over a newest-first list: mark every stored row, re-read every page (each
// seen row is unmarked), then remove what is still marked. The page reached is saved with
// each page, so a pass interrupted by a crash or quit resumes where it stopped. Rows can
// slip past a page boundary when others are deleted meanwhile; a few unseen rows are
// therefore checked one by one before they go.
import { NotFoundError, type Page } from '../../skylight'
import { getSyncState, inTransaction, saveSyncState, sweepUnseen, unseenIds, type StoreDb } from '../../store'
import { markAllInSlices } from '../mark-in-slices'
import { PER_PAGE, type SyncContext, type SyncResource } from '../context'

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
}

export async function runDeletionPass<T>(ctx: SyncContext, pass: DeletionPass<T>): Promise<void> {
  const state = `${pass.resource}-pass`
  const cursor = getSyncState(ctx.db, state)?.cursor as PassCursor | null | undefined
  let page = cursor?.page ?? 1
  if (!cursor) {
    // The cursor is saved only once every row is marked: interrupted before, the pass
    // starts over and marks again; after, it resumes at its page.
    await markAllInSlices(ctx, pass.resource)
    saveSyncState(ctx.db, state, { cursor: { page: 1 } satisfies PassCursor })
  }
  for (;;) {
    const result = await pass.fetchPage(page, PER_PAGE)
    const written = inTransaction(ctx.db, (tx) => {
      const w = pass.write(tx, result.items)
      saveSyncState(tx, state, { cursor: { page: page + 1 } satisfies PassCursor })
      return w
    })
    if (written.inserted.length + written.updated.length > 0) ctx.changed(pass.view)
    ctx.progress(pass.view, Math.min(page * PER_PAGE, result.total), result.total)
    if (page >= result.lastPage || result.items.length === 0) break
    page++
  }

  const candidates = unseenIds(ctx.db, pass.resource)
  if (candidates.length <= VERIFY_AT_MOST) {
    for (const id of candidates) {
      try {
        pass.write(ctx.db, [await pass.fetchOne(id)])
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error
      }
    }
  }
  const removed = inTransaction(ctx.db, (tx) => {
    const n = sweepUnseen(tx, { resource: pass.resource })
    saveSyncState(tx, state, { cursor: null, lastFullPassAt: new Date(ctx.now()).toISOString() })
    return n
  })
  if (removed > 0) ctx.changed(pass.view)
}
