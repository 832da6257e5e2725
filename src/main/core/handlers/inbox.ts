import type { Handlers } from '../../../shared/contract'
import { conversationPage, getAccount, markConversationRead, searchContacts, searchMessages, threadPage, unreadCounts } from '../store'
import { threadThrough } from '../store/queries/thread-through'
import type { HandlerContext } from './context'

type InboxHandlers = Pick<Handlers, 'conversations-page' | 'thread-page' | 'search' | 'channels-list' | 'unread-counts' | 'conversation-read'>

export function inboxHandlers(ctx: HandlerContext): InboxHandlers {
  const db = () => ctx.session().store.db
  return {
    'conversations-page': async (input) => conversationPage(db(), input),
    'thread-page': async ({ contactId, limit, before, throughRowId }) =>
      throughRowId === undefined
        ? threadPage(db(), { contactId, ...(limit ? { limit } : {}), ...(before ? { before } : {}) })
        : threadThrough(db(), contactId, throughRowId, limit),
    search: async ({ query, contactId, limit, offset }) => {
      const store = db()
      return {
        messages: searchMessages(store, { query, ...(contactId !== undefined ? { contactId } : {}), ...(limit ? { limit } : {}), ...(offset ? { offset } : {}) }),
        // Contacts only for the first page of a search across all conversations.
        contacts: contactId === undefined && !offset ? searchContacts(store, { query, limit: 8 }) : [],
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
    'channels-list': async () => {
      const account = getAccount(db())
      return {
        accountName: account?.displayName ?? null,
        channels: (account?.channels ?? []).map((c) => ({ serverId: c.serverId, type: c.type, username: c.username, isConnected: c.isConnected })),
      }
    },
  }
}
