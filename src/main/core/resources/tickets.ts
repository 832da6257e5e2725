// Support tickets with SkyLight: read whole with the departments; a ticket's replies are its
// children, re-read when its last reply moved.
import { closeTicketAction } from '../outbox/actions/close-ticket'
import { createTicketAction } from '../outbox/actions/create-ticket'
import { replyTicketAction } from '../outbox/actions/reply-ticket'
import { syncTickets } from '../sync/steps/tickets'
import { defineResource } from './define'

export const ticketsResource = defineResource({
  name: 'tickets',
  pattern: 'whole',
  endpoints: [
    'GET /tickets',
    'POST /tickets',
    'GET /tickets/{id}',
    'POST /tickets/{id}/reply',
    'POST /tickets/{id}/close',
    'GET /tickets/departments',
  ],
  fullPass: (ctx) => syncTickets(ctx, true),
  refresh: { step: (ctx) => syncTickets(ctx, false), cadence: 'half-hourly' },
  actions: [createTicketAction, replyTicketAction, closeTicketAction],
})
