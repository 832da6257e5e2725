import type { Handlers } from '../../../shared/contract'
import { conversationPage, getAccount, searchContacts, searchMessages, threadPage } from '../store'
import { threadThrough } from '../store/queries/thread-through'
import type { HandlerContext } from './context'

type InboxHandlers = Pick<Handlers, 'conversations-page' | 'thread-page' | 'search' | 'channels-list'>

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
    'channels-list': async () => {
      const account = getAccount(db())
      return {
        accountName: account?.displayName ?? null,
        channels: (account?.channels ?? []).map((c) => ({ serverId: c.serverId, type: c.type, username: c.username, isConnected: c.isConnected })),
      }
    },
  }
}
