// A contact's messages: children of its conversation, re-read when its last message changed.
import { sendMessageAction } from '../outbox/actions/send-message'
import { syncDueMessages } from '../sync/steps/messages'
import { defineResource } from './define'

export const messagesResource = defineResource({
  name: 'messages',
  pattern: 'children',
  endpoints: ['GET /contacts/{id}/messages', 'POST /messages/send'],
  fullPass: syncDueMessages,
  fullPassStep: 1,
  actions: [sendMessageAction],
})
