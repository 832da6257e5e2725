// Support tickets (docs.skylightchat.com/rest-api/tickets): list with status and priority
// filters, create (department defaults to the first one), one ticket with its reply history,
// reply, close, and the departments. The page stops in the middle of "Get a ticket"; the
// reply and close routes and the reply objects are this sandbox's reading, Laravel style:
// a reply takes `message` (`body`, as create names the first message, is accepted too).
import { z } from 'zod'
import type { AccountStore } from '../data/account-store'
import { TICKET_PRIORITIES, TICKET_STATUSES, type TicketRec } from '../data/model'
import { addReply, departmentJson, referenceCode, ticketDetailJson, ticketJson, ticketReplyJson } from '../data/tickets'
import { pageRequest, paginateArray } from '../http/pagination'
import { created, fail, notFound, ok, validationFailed } from '../http/respond'
import type { Router } from '../http/router'
import { integer, oneOf, queryEnum, requiredString, validate } from '../http/validate'
import { param } from './lookup'

const createTicket = z.object({
  subject: requiredString('subject'),
  body: requiredString('body', 10_000),
  priority: oneOf('priority', TICKET_PRIORITIES).optional(),
  department_id: integer('department_id').nullish(),
})

const replyTicket = z.preprocess(
  (raw) => {
    const body = (raw ?? {}) as Record<string, unknown>
    return { message: body.message ?? body.body }
  },
  z.object({ message: requiredString('message', 10_000) }),
)

function findTicket(store: AccountStore, id: number): TicketRec {
  const ticket = store.tickets.get(id)
  if (!ticket) throw notFound('Ticket')
  return ticket
}

const newestFirst = (a: TicketRec, b: TicketRec) => b.createdAt - a.createdAt || b.id - a.id

export function ticketRoutes(router: Router): void {
  // Before /tickets/{id}: "departments" is not an id.
  router.get('/tickets/departments', ({ store }) => ok(store.departments.map(departmentJson)))

  router.get('/tickets', ({ store, query }) => {
    const status = queryEnum(query, 'status', TICKET_STATUSES)
    const priority = queryEnum(query, 'priority', TICKET_PRIORITIES)
    const rows = [...store.tickets.values()]
      .filter((t) => (!status || t.status === status) && (!priority || t.priority === priority))
      .sort(newestFirst)
    return paginateArray(rows, pageRequest(query, 25, 100), (t) => ticketJson(store, t))
  })

  router.post('/tickets', ({ world, store, body, now }) => {
    const input = validate(createTicket, body)
    let departmentId = store.departments[0]?.id ?? null
    if (input.department_id !== undefined && input.department_id !== null) {
      if (!store.departments.some((d) => d.id === input.department_id)) {
        throw validationFailed({ department_id: ['The selected department id is invalid.'] })
      }
      departmentId = input.department_id
    }
    const ticket: TicketRec = {
      id: world.ids.next('ticket'),
      reference: referenceCode(world.runtimeRandom),
      subject: input.subject,
      priority: input.priority ?? 'medium',
      status: 'open',
      departmentId,
      replies: [],
      createdAt: now,
      updatedAt: now,
    }
    const owner = store.profile.primaryUser
    addReply(world, ticket, input.body, false, `${owner.firstName} ${owner.lastName}`, now)
    store.tickets.set(ticket.id, ticket)
    return created(ticketDetailJson(store, ticket), 'Ticket created successfully.')
  })

  router.get('/tickets/{id}', ({ store, params }) => ok(ticketDetailJson(store, findTicket(store, param(params, 'id')))))

  router.post('/tickets/{id}/reply', ({ world, store, params, body, now }) => {
    const ticket = findTicket(store, param(params, 'id'))
    if (ticket.status === 'closed') throw fail(422, 'This ticket is closed. Open a new ticket to contact support again.')
    const input = validate(replyTicket, body)
    const owner = store.profile.primaryUser
    const reply = addReply(world, ticket, input.message, false, `${owner.firstName} ${owner.lastName}`, now)
    // The account wrote last: the ticket waits for support again.
    ticket.status = 'open'
    const data = { ...ticketReplyJson(reply), ticket: ticketJson(store, ticket) }
    return created(data, 'Reply added successfully.')
  })

  router.post('/tickets/{id}/close', ({ store, params, now }) => {
    const ticket = findTicket(store, param(params, 'id'))
    // Closing a closed ticket changes nothing and is not an error.
    if (ticket.status !== 'closed') {
      ticket.status = 'closed'
      ticket.updatedAt = now
    }
    return ok(ticketJson(store, ticket), 'Ticket closed successfully.')
  })
}
