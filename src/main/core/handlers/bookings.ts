// The bookings views: reads from the local copy; free slots asked of SkyLight at the user's
// priority (never queued: offline they need a connection); and the user's actions, checked
// against what the booking's state allows before they are queued.
import type { Handlers } from '../../../shared/contract'
import { t } from '../language'
import { NetworkError, ValidationError } from '../skylight'
import { bookingCount, bookingList, bookingOptions, getAccount, getBooking, type BookingCommand } from '../store'
import type { HandlerContext } from './context'

type BookingHandlers = Pick<
  Handlers,
  'bookings-list' | 'booking-get' | 'booking-options' | 'booking-availability' | 'booking-create' | 'booking-reschedule' | 'booking-command'
>

// Worded when refused, in the language the core was told.
const refusals: Record<BookingCommand, () => string> = {
  confirm: () => t().bookings_refuse_confirm(),
  complete: () => t().bookings_refuse_complete(),
  cancel: () => t().bookings_refuse_cancel(),
  reschedule: () => t().bookings_refuse_reschedule(),
}

export function bookingHandlers(ctx: HandlerContext): BookingHandlers {
  const db = () => ctx.session().store.db
  const outbox = () => ctx.session().outbox
  const check = (id: number, command: BookingCommand) => {
    if (!getBooking(db(), id).allowed[command]) throw new ValidationError(refusals[command](), 422)
  }
  const ms = (iso: string | undefined) => (iso === undefined ? undefined : Date.parse(iso))
  return {
    'bookings-list': async ({ from, to, ...rest }) => {
      const options = { ...rest, fromMs: ms(from), toMs: ms(to) }
      return { items: bookingList(db(), options), total: bookingCount(db(), options) }
    },
    'booking-get': async ({ id }) => getBooking(db(), id),
    // Before the profile is synced, times are shown in the computer's zone alone.
    'booking-options': async () => ({ ...bookingOptions(db()), timezone: getAccount(db())?.timezone ?? null }),
    'booking-availability': async ({ typeId, resourceId, date }) => {
      try {
        const found = await ctx.session().api.bookings.availability(
          { booking_type_id: typeId, date, ...(resourceId ? { resource_id: resourceId } : {}) },
          { priority: 'user' },
        )
        return { slots: found.slots.map((s) => ({ startsAt: s.starts_at, endsAt: s.ends_at })) }
      } catch (error) {
        if (error instanceof NetworkError) {
          throw new NetworkError(t().bookings_slots_need_connection(), 'no')
        }
        throw error
      }
    },
    'booking-create': async (input) => {
      const { actionId, localId } = outbox().queue('create-booking', {
        contactId: input.contactId,
        typeId: input.typeId,
        startsAt: input.startsAt,
        ...(input.resourceId ? { resourceId: input.resourceId } : {}),
        ...(input.notes ? { notes: input.notes } : {}),
      })
      return { actionId: String(actionId), localId: localId ?? 0 }
    },
    'booking-reschedule': async ({ id, startsAt, resourceId }) => {
      check(id, 'reschedule')
      return { actionId: String(outbox().queue('update-booking', { bookingId: id, startsAt, ...(resourceId !== undefined ? { resourceId } : {}) }).actionId) }
    },
    'booking-command': async ({ id, command }) => {
      check(id, command)
      const queued =
        command === 'cancel'
          ? outbox().queue('cancel-booking', { bookingId: id })
          : outbox().queue('update-booking', { bookingId: id, status: command === 'confirm' ? 'confirmed' : 'completed' })
      return { actionId: String(queued.actionId) }
    },
  }
}
