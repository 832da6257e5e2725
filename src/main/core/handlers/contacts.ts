import type { Handlers } from '../../../shared/contract'
import { contactPage, getContact } from '../store'
import { groupsList } from '../store/queries/groups-list'
import type { HandlerContext } from './context'
import { readView } from './view-errors'

type ContactHandlers = Pick<Handlers, 'contacts-page' | 'contact-get' | 'groups-list'>

export function contactHandlers(ctx: HandlerContext): ContactHandlers {
  const db = () => ctx.session().store.db
  return {
    'contacts-page': async (input) => contactPage(db(), input),
    'contact-get': async ({ id }) => readView(() => getContact(db(), id)),
    'groups-list': async () => groupsList(db()),
  }
}
