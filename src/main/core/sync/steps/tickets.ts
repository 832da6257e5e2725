// Tickets and departments are re-read whole (an account has a few dozen tickets: one page,
// and reading them whole sweeps the ones gone); a ticket's thread is re-read when its
// marker (last reply time) moved, or on a full pass. Nothing is removed after a read that
// did not provably see the whole list (pass-check.ts); the sync status says so. A new reply
// from support on a ticket the store already knew is told (support answered).
import { inTransaction, replaceDepartments, replaceTicketReplies, replaceTickets, storedServerIds, ticketsDueForReplies, ticketSupportMarks } from '../../store'
import { call, PER_PAGE, type SyncContext } from '../context'
import { readCheckedList, SweepRefusals, wholeList, writeChecked } from '../pass-check'

export async function syncTickets(ctx: SyncContext, allReplies: boolean): Promise<void> {
  const refusals = new SweepRefusals()
  const [tickets, departments] = await Promise.all([
    readCheckedList(wholeList('tickets', (page) => ctx.api.tickets.list({ page, per_page: PER_PAGE }, call(ctx)), storedServerIds(ctx.db, 'tickets'), (id) => ctx.api.tickets.get(id, call(ctx)))),
    readCheckedList(wholeList('ticket departments', () => ctx.api.tickets.departments(call(ctx)), storedServerIds(ctx.db, 'ticket-departments'))),
  ])
  const before = ticketSupportMarks(ctx.db)
  inTransaction(ctx.db, (tx) => {
    writeChecked(departments, refusals, (items, sweep) => replaceDepartments(tx, items, sweep))
    writeChecked(tickets, refusals, (items, sweep) => replaceTickets(tx, items, sweep))
  })
  ctx.changed('tickets')

  const due = allReplies ? tickets.items.map((t) => t.id) : ticketsDueForReplies(ctx.db)
  for (const id of due) {
    try {
      replaceTicketReplies(ctx.db, await ctx.api.tickets.get(id, call(ctx)))
    } catch (error) {
      // Gone since the list was read: the next read of the list sweeps it.
      if ((error as { type?: string }).type !== 'not-found') throw error
    }
  }
  if (due.length > 0) ctx.changed('tickets')
  if (due.length > 0) tellAnswers(ctx, before)
  refusals.report()
}

/** Support's newest reply moved on a ticket known before this read. */
function tellAnswers(ctx: SyncContext, before: ReturnType<typeof ticketSupportMarks>): void {
  for (const [ticketId, now] of ticketSupportMarks(ctx.db)) {
    const was = before.get(ticketId)
    if (was && now.lastSupportReply > was.lastSupportReply) ctx.notice({ kind: 'ticket-answered', ticketId, subject: now.subject })
  }
}
