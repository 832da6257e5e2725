// A deletion pass starts by marking every row of a whole table. Done in one statement, 10k
// contacts held the main process ~15 ms (and a bigger account proportionally longer), so
// the marking goes a slice per task, with the event loop free in between.
import { CancelledError } from '../skylight'
import { markSlice, type WholeTable } from '../store'
import type { SyncContext } from './context'

// A timer, not setImmediate: the next slice waits for the next turn of the loop, so input,
// IPC and timers that arrived meanwhile go first.
const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

export async function markAllInSlices(ctx: Pick<SyncContext, 'db' | 'signal'>, resource: WholeTable): Promise<void> {
  let after = Number.MIN_SAFE_INTEGER // rows created offline have negative ids
  for (;;) {
    // Between slices the account may be removed and its store closed.
    if (ctx.signal.aborted) throw new CancelledError()
    const last = markSlice(ctx.db, resource, after)
    if (last === null) return
    after = last
    await nextTurn()
  }
}
