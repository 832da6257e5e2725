import type { Handlers } from '../../../shared/contract'
import { contactsCsv } from '../exports/exports'
import { contactPage, getContact, groupContactCount, groupName, notFound } from '../store'
import { groupsList } from '../store/queries/groups-list'
import type { HandlerContext } from './context'

type ContactHandlers = Pick<
  Handlers,
  'contacts-page' | 'contact-get' | 'groups-list' | 'group-create' | 'group-rename' | 'group-delete' | 'group-usage' | 'contacts-csv'
>

const idFields = { tag: 'tagId', list: 'listId', segment: 'segmentId' } as const

export function contactHandlers(ctx: HandlerContext): ContactHandlers {
  const db = () => ctx.session().store.db
  const outbox = () => ctx.session().outbox
  /** The group as the local copy has it, or `not-found` naming it. */
  const existing = (kind: 'tag' | 'list' | 'segment', id: number) => {
    const name = groupName(db(), kind, id)
    if (name === null) throw notFound({ kind, id })
    return name
  }
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
    'group-create': async ({ kind, name }) => {
      const { actionId, localId } = outbox().queue(`create-${kind}`, { name })
      return { actionId: String(actionId), localId: localId! }
    },
    'group-rename': async ({ kind, id, name }) => {
      existing(kind, id)
      return { actionId: String(outbox().queue(`rename-${kind}`, { [idFields[kind]]: id, name }).actionId) }
    },
    'group-delete': async ({ kind, id }) => {
      existing(kind, id)
      return { actionId: String(outbox().queue(`delete-${kind}`, { [idFields[kind]]: id }).actionId) }
    },
    'group-usage': async ({ kind, id }) => ({ name: existing(kind, id), contacts: groupContactCount(db(), kind, id) }),
    'contacts-csv': async (filter) => contactsCsv(db(), filter),
  }
}
