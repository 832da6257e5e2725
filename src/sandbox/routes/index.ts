// The /api/v1 route table. Order matters where paths overlap: /contacts/lists and
// /contacts/segments come before /contacts/{id}.
import { Router } from '../http/router'
import { accountRoutes } from './account'
import { bookingRoutes } from './bookings'
import { aiAgentRoutes } from './ai-agents'
import { campaignRoutes } from './campaigns'
import { channelRoutes } from './channels'
import { contactLinkRoutes } from './contact-links'
import { contactRoutes } from './contacts'
import { groupRoutes } from './groups'
import { knowledgeBaseRoutes } from './knowledge-base'
import { voiceRoutes } from './voice'
import { mediaRoutes } from './media'
import { messageRoutes } from './messages'
import { tagRoutes } from './tags'
import { teamRoutes } from './team'
import { webhookRoutes } from './webhooks'
import { webChatRoutes } from './web-chat'
import { ticketRoutes } from './tickets'

export function apiRouter(): Router {
  const router = new Router()
  accountRoutes(router)
  groupRoutes(router, 'list')
  groupRoutes(router, 'segment')
  contactRoutes(router)
  contactLinkRoutes(router)
  tagRoutes(router)
  messageRoutes(router)
  mediaRoutes(router)
  campaignRoutes(router)
  channelRoutes(router)
  teamRoutes(router)
  webhookRoutes(router)
  ticketRoutes(router)
  bookingRoutes(router)
  webChatRoutes(router)
  aiAgentRoutes(router)
  knowledgeBaseRoutes(router)
  voiceRoutes(router)
  return router
}
