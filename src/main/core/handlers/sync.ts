import type { Handlers } from '../../../shared/contract'
import { statusView } from '../account-sessions'
import { markSlowCollectionsDue } from '../sync/plans'
import type { HandlerContext } from './context'

export function syncHandlers(ctx: HandlerContext): Pick<Handlers, 'sync-status' | 'sync-now'> {
  return {
    'sync-status': async ({ accountId }) => {
      const id = accountId ?? ctx.accounts.activeId
      const session = id ? ctx.sessions.get(id) : undefined
      return session ? statusView(session.accountId, session.sync.status, session.api.client.budget.pausedUntil) : null
    },
    'sync-now': async ({ accountId, kind }) => {
      // Answers at once; progress and the outcome arrive as sync-status events. Asked for by
      // the user, a refresh reads everything, the seldom-changing collections included.
      const session = ctx.session(accountId)
      if ((kind ?? 'refresh') === 'refresh') markSlowCollectionsDue(session.store.db)
      void session.sync.syncNow(kind ?? 'refresh')
      return {}
    },
  }
}
