import type { Handlers } from '../../../shared/contract'
import { contactPage, getContact } from '../store'
import { groupsList } from '../store/queries/groups-list'
import type { HandlerContext } from './context'

type ContactHandlers = Pick<Handlers, 'contacts-page' | 'contact-get' | 'groups-list'>

export function contactHandlers(ctx: HandlerContext): ContactHandlers {
  const db = () => ctx.session().store.db
  return {
    'contacts-page': async (input) => contactPage(db(), input),
    'contact-get': async ({ id }) => {
      const contact = getContact(db(), id)
      // The contact and its notes are read from SkyLight when it is opened (sync reads
      // neither per contact); changes arrive with a change event for this contact.
      void ctx.session().sync.fetchContact(id)
      return contact
    },
    'groups-list': async () => groupsList(db()),
  }
}
