import type { Handlers } from '../../../shared/contract'
import { statusView } from '../account-sessions'
import type { HandlerContext } from './context'

export function syncHandlers(ctx: HandlerContext): Pick<Handlers, 'sync-status' | 'sync-now'> {
  return {
    'sync-status': async ({ accountId }) => {
      const id = accountId ?? ctx.accounts.activeId
      const session = id ? ctx.sessions.get(id) : undefined
      return session ? statusView(session.accountId, session.sync.status, session.api.client.budget.pausedUntil) : null
    },
    'sync-now': async ({ accountId, kind }) => {
      // Answers at once; progress and the outcome arrive as sync-status events.
      void ctx.session(accountId).sync.syncNow(kind ?? 'refresh')
      return {}
    },
  }
}
