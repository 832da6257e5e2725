import type { Handlers } from '../../../shared/contract'
import { audienceCount, campaignContactsPage, campaignList, getCampaign, namedContacts } from '../store'
import { campaignActions } from '../campaigns/commands'
import { deliveriesCsv } from '../exports/exports'
import type { HandlerContext } from './context'

type CampaignHandlers = Pick<Handlers, 'campaigns-list' | 'campaign-get' | 'campaign-deliveries' | 'campaign-deliveries-csv' | 'audience-count'>

export function campaignHandlers(ctx: HandlerContext): CampaignHandlers {
  const db = () => ctx.session().store.db
  return {
    'campaigns-list': async (input) => ({ items: campaignList(db(), input) }),
    'campaign-get': async ({ id }) => {
      const detail = getCampaign(db(), id)
      return { ...detail, ...campaignActions(db(), detail), contacts: namedContacts(db(), detail.contactIds) }
    },
    'campaign-deliveries': async ({ id, ...page }) => campaignContactsPage(db(), id, page),
    'campaign-deliveries-csv': async ({ id, ...filter }) => deliveriesCsv(db(), id, filter),
    'audience-count': async (audience) => ({ count: audienceCount(db(), audience) }),
  }
}
