// The inbox's conversation list, newest first by last message.
import { syncConversationList } from '../sync/steps/conversations'
import { defineResource } from './define'

export const conversationsResource = defineResource({
  name: 'conversations',
  pattern: 'newest-first',
  endpoints: ['GET /conversations'],
  fullPass: async (ctx) => void (await syncConversationList(ctx, 'full')),
  fullPassStep: 0,
  actions: [],
})
