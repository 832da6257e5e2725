// Tickets and departments are re-read whole (an account has a few dozen tickets: one page,
// and reading them whole sweeps the ones gone); a ticket's thread is re-read when its
// marker (last reply time) moved, or on a full pass. A new reply from support on a ticket
// the store already knew is told (support answered).
import { inTransaction, replaceDepartments, replaceTicketReplies, replaceTickets, ticketsDueForReplies, ticketSupportMarks } from '../../store'
import { call, PER_PAGE, readAllPages, type SyncContext } from '../context'

export async function syncTickets(ctx: SyncContext, allReplies: boolean): Promise<void> {
  const [tickets, departments] = await Promise.all([
    readAllPages((page) => ctx.api.tickets.list({ page, per_page: PER_PAGE }, call(ctx))),
    ctx.api.tickets.departments(call(ctx)).then((r) => r.items),
  ])
  const before = ticketSupportMarks(ctx.db)
  inTransaction(ctx.db, (tx) => {
    replaceDepartments(tx, departments)
    replaceTickets(tx, tickets)
  })
  ctx.changed('tickets')

  const due = allReplies ? tickets.map((t) => t.id) : ticketsDueForReplies(ctx.db)
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
}

/** Support's newest reply moved on a ticket known before this read. */
function tellAnswers(ctx: SyncContext, before: ReturnType<typeof ticketSupportMarks>): void {
  for (const [ticketId, now] of ticketSupportMarks(ctx.db)) {
    const was = before.get(ticketId)
    if (was && now.lastSupportReply > was.lastSupportReply) ctx.notice({ kind: 'ticket-answered', ticketId, subject: now.subject })
  }
}
