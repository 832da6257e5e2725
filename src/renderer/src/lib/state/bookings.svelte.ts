// Bookings: a day, a week or the whole list, with status, type and resource filters; one
// booking with what its state allows (asked of the core); and the form that creates or
// reschedules one — free slots come from SkyLight while online; offline the user may type
// a time and save the booking to the outbox, where SkyLight may later refuse it.
import type { BookingItem, BookingOptions } from '../../../../shared/contract'
import { messageOf } from '../actions'
import { call } from '../desk'
import { dateFormat } from '../format'
import { m } from '../i18n.svelte'
import { FilteredListView } from './desk-list.svelte'

export type BookingRange = 'day' | 'week' | 'list'
export type BookingCommand = 'confirm' | 'complete' | 'cancel'

export const bookingStatusLabels: Record<string, () => string> = {
  pending: m.bookings_status_pending,
  confirmed: m.bookings_status_confirmed,
  cancelled: m.bookings_status_cancelled,
  completed: m.bookings_status_completed,
}
export const commandLabels: Record<BookingCommand, () => string> = { confirm: m.bookings_command_confirm, complete: m.bookings_command_complete, cancel: m.bookings_cancel }

export interface BookingFilter {
  status?: 'pending' | 'confirmed' | 'cancelled' | 'completed'
  typeId?: number
  resourceId?: number
}

const DAY_MS = 86_400_000

/** Local midnight of the day holding `ms`. */
export function startOfDay(ms: number): number {
  const d = new Date(ms)
  d.setHours(0, 0, 0, 0)
  return d.getTime()
}

/** The [from, to) of the range around `anchor` (a week starts on the anchor's Monday). */
export function rangeBounds(range: BookingRange, anchor: number): { from: number; to: number } | null {
  if (range === 'list') return null
  const day = startOfDay(anchor)
  if (range === 'day') return { from: day, to: startOfDay(day + DAY_MS + 3_600_000) }
  const weekday = (new Date(day).getDay() + 6) % 7
  const from = startOfDay(day - weekday * DAY_MS + 3_600_000)
  return { from, to: startOfDay(from + 7 * DAY_MS + 3_600_000) }
}

/** A time in the account's zone, and in the computer's when that differs. */
export function bothZones(iso: string, accountZone: string | null, localZone = Intl.DateTimeFormat().resolvedOptions().timeZone): string {
  const format = (zone?: string) =>
    dateFormat({ weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', ...(zone ? { timeZone: zone } : {}) }).format(new Date(iso))
  if (!accountZone || accountZone === localZone) return format()
  try {
    return `${format(accountZone)} (${accountZone}) · ${m.bookings_here({ time: format() })}`
  } catch {
    return format()
  }
}

export class BookingsState extends FilteredListView<BookingItem, BookingFilter> {
  #options = $state.raw<BookingOptions>({ types: [], resources: [], timezone: null })
  #range = $state<BookingRange>('week')
  #anchor = $state(Date.now())
  #selectedId = $state<number | null>(null)
  #editing = $state<'new' | 'reschedule' | null>(null)
  /** Bookings made here, by local id: how to find them once the server gives them an id. */
  readonly #madeHere = new Map<number, { contactId: number; startsAtMs: number }>()

  constructor(options: { pageSize?: number } = {}) {
    super({ pageSize: options.pageSize, failure: m.bookings_read_failed })
  }

  /** The filter's bookings within the range shown. */
  protected readPage(filter: BookingFilter, page: { limit: number; offset: number }) {
    const bounds = rangeBounds(this.#range, this.#anchor)
    return call('bookings-list', {
      ...filter,
      ...(bounds ? { from: new Date(bounds.from).toISOString(), to: new Date(bounds.to).toISOString() } : {}),
      ...page,
    })
  }

  get options(): BookingOptions {
    return this.#options
  }
  get range(): BookingRange {
    return this.#range
  }
  get anchor(): number {
    return this.#anchor
  }
  get selectedId(): number | null {
    return this.#selectedId
  }
  get editing(): 'new' | 'reschedule' | null {
    return this.#editing
  }
  get selected(): BookingItem | undefined {
    return this.items.find((b) => b.id === this.#selectedId)
  }

  /** The bookings changed in the core: as many rows again as are shown, and the types and resources. */
  override async reload(): Promise<void> {
    await Promise.all([super.reload(), this.#loadOptions()])
    this.#follow()
  }

  async #loadOptions(): Promise<void> {
    try {
      this.#options = await call('booking-options', {})
    } catch (error) {
      this.actions.error = messageOf(error, m.bookings_read_failed())
    }
  }

  async show(range: BookingRange, anchor = this.#anchor): Promise<void> {
    this.#range = range
    this.#anchor = anchor
    await this.list.restart()
    this.#follow()
  }

  /** One day or week earlier (-1) or later (1). */
  async step(direction: -1 | 1): Promise<void> {
    await this.show(this.#range, this.#anchor + direction * (this.#range === 'week' ? 7 : 1) * DAY_MS)
  }

  select(id: number | null): void {
    this.#selectedId = id
    this.#editing = null
  }

  edit(mode: 'new' | 'reschedule' | null): void {
    this.#editing = mode
    if (mode === 'new') this.#selectedId = null
  }

  /** Free slots of a day (YYYY-MM-DD); throws the core's "needs a connection" offline. */
  async slots(typeId: number, date: string, resourceId: number | null): Promise<{ startsAt: string; endsAt: string | null }[]> {
    return (await call('booking-availability', { typeId, date, ...(resourceId ? { resourceId } : {}) })).slots
  }

  async create(input: { contactId: number; typeId: number; resourceId: number | null; startsAt: string; notes?: string }): Promise<boolean> {
    return this.actions.run(async () => {
      const { localId } = await call('booking-create', {
        contactId: input.contactId,
        typeId: input.typeId,
        resourceId: input.resourceId,
        startsAt: input.startsAt,
        ...(input.notes ? { notes: input.notes } : {}),
      })
      this.#editing = null
      await this.show(this.#range, Date.parse(input.startsAt))
      this.#madeHere.set(localId, { contactId: input.contactId, startsAtMs: Date.parse(input.startsAt) })
      this.#selectedId = localId
      this.#follow()
    })
  }

  async reschedule(startsAt: string, resourceId: number | null): Promise<boolean> {
    const booking = this.selected
    if (!booking?.allowed.reschedule) return false
    return this.actions.run(async () => {
      await call('booking-reschedule', { id: booking.id, startsAt, resourceId })
      this.#editing = null
      await this.reload()
    })
  }

  async command(command: BookingCommand): Promise<boolean> {
    const booking = this.selected
    if (!booking?.allowed[command]) return false
    return this.actions.run(async () => {
      await call('booking-command', { id: booking.id, command })
      await this.reload()
    })
  }

  /** The selected booking was made here and has been sent: select it under its server id. */
  #follow(): void {
    const id = this.#selectedId
    if (id === null || id > 0 || this.items.some((b) => b.id === id)) return
    const made = this.#madeHere.get(id)
    const moved = made && this.items.find((b) => b.id > 0 && b.contactId === made.contactId && Date.parse(b.startsAt) === made.startsAtMs)
    if (moved) this.#selectedId = moved.id
  }

  reset(): void {
    this.list.forget()
    this.#selectedId = null
    this.#editing = null
    this.actions.error = null
  }
}
