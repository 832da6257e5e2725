import type { Handlers } from '../../../shared/contract'
import { audienceCount, campaignContactsPage, campaignList, getCampaign, namedContacts } from '../store'
import { campaignActions } from '../campaigns/commands'
import type { HandlerContext } from './context'

type CampaignHandlers = Pick<Handlers, 'campaigns-list' | 'campaign-get' | 'campaign-deliveries' | 'audience-count'>

export function campaignHandlers(ctx: HandlerContext): CampaignHandlers {
  const db = () => ctx.session().store.db
  return {
    'campaigns-list': async (input) => ({ items: campaignList(db(), input) }),
    'campaign-get': async ({ id }) => {
      const detail = getCampaign(db(), id)
      return { ...detail, ...campaignActions(db(), detail), contacts: namedContacts(db(), detail.contactIds) }
    },
    'campaign-deliveries': async ({ id, ...page }) => ({ items: campaignContactsPage(db(), id, page) }),
    'audience-count': async (audience) => ({ count: audienceCount(db(), audience) }),
  }
}
