// Bookings, newest first, with their types and resources read whole; a day's free slots are
// online only (contract handler, user priority), never stored or queued.
import { cancelBookingAction } from '../outbox/actions/cancel-booking'
import { createBookingAction } from '../outbox/actions/create-booking'
import { updateBookingAction } from '../outbox/actions/update-booking'
import { syncBookings } from '../sync/steps/bookings'
import { defineResource } from './define'

export const bookingsResource = defineResource({
  name: 'bookings',
  pattern: 'newest-first',
  endpoints: [
    'GET /bookings',
    'POST /bookings',
    'GET /bookings/{id}',
    'PUT /bookings/{id}',
    'POST /bookings/{id}/cancel',
    'GET /bookings/types',
    'GET /bookings/resources',
    'GET /bookings/availability',
  ],
  fullPass: (ctx) => syncBookings(ctx, true),
  refresh: { step: (ctx) => syncBookings(ctx, false), cadence: 'half-hourly' },
  actions: [createBookingAction, updateBookingAction, cancelBookingAction],
})
