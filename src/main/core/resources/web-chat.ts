// Web chat: the website widget's sessions, a fourth channel of the inbox. Read whole on a
// refresh, the active ones on every poll; a session's messages are its children.
import { webChatCommandAction } from '../outbox/actions/web-chat-command'
import { webChatReplyAction } from '../outbox/actions/web-chat-reply'
import { syncWebChat } from '../sync/steps/web-chat'
import { defineResource } from './define'

export const webChatResource = defineResource({
  name: 'webChat',
  pattern: 'newest-first',
  endpoints: [
    'GET /web-chat/analytics',
    'GET /web-chat/sessions',
    'GET /web-chat/sessions/{session_id}',
    'POST /web-chat/sessions/{session_id}/take-over',
    'POST /web-chat/sessions/{session_id}/release',
    'POST /web-chat/sessions/{session_id}/messages',
    'POST /web-chat/sessions/{session_id}/end',
  ],
  fullPass: (ctx) => syncWebChat(ctx, 'all'),
  refresh: { step: (ctx) => syncWebChat(ctx, 'all'), cadence: 'half-hourly' },
  actions: [webChatCommandAction, webChatReplyAction],
})
