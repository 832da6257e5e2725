import type { Handlers, SearchFilters } from '../../../shared/contract'
import { conversationPage, countMessageHits, getAccount, markConversationRead, searchContacts, searchMessages, threadPage, unreadCounts } from '../store'
import { threadThrough } from '../store/queries/thread-through'
import type { HandlerContext } from './context'

type InboxHandlers = Pick<Handlers, 'conversations-page' | 'thread-page' | 'search' | 'search-count' | 'channels-list' | 'unread-counts' | 'conversation-read'>

export function inboxHandlers(ctx: HandlerContext): InboxHandlers {
  const db = () => ctx.session().store.db
  return {
    'conversations-page': async (input) => conversationPage(db(), input),
    'thread-page': async ({ contactId, limit, before, throughRowId }) =>
      throughRowId === undefined
        ? threadPage(db(), { contactId, ...(limit ? { limit } : {}), ...(before ? { before } : {}) })
        : threadThrough(db(), contactId, throughRowId, limit),
    search: async ({ query, limit, offset, ...filters }) => {
      const store = db()
      return {
        messages: searchMessages(store, { query, ...definedOnly(filters), ...(limit ? { limit } : {}), ...(offset ? { offset } : {}) }),
        // Contacts only for the first page of a search across all conversations.
        contacts: filters.contactId === undefined && !offset ? searchContacts(store, { query, limit: 8 }) : [],
      }
    },
    'unread-counts': async () => unreadCounts(db()),
    'conversation-read': async ({ contactId }) => {
      const session = ctx.session()
      if (markConversationRead(session.store.db, contactId)) {
        ctx.events.emit('data-changed', { accountId: session.accountId, resources: ['conversations'], contactIds: [contactId] })
        ctx.sessions.unreadChanged()
      }
      return {}
    },
    'search-count': async ({ query, ...filters }) => ({ total: countMessageHits(db(), { query, ...definedOnly(filters) }) }),
    'channels-list': async () => {
      const account = getAccount(db())
      return {
        accountName: account?.displayName ?? null,
        channels: (account?.channels ?? []).map((c) => ({ serverId: c.serverId, type: c.type, username: c.username, isConnected: c.isConnected })),
      }
    },
  }
}

/** The filters that were given (exactOptionalPropertyTypes: undefined is not "absent"). */
function definedOnly(filters: SearchFilters): SearchFilters {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as SearchFilters
}
