// Support tickets: the list with its status and priority filters, the open ticket's thread
// (with what the core allows on it), the new-ticket form's departments, and the actions —
// open, reply, close — which the outbox carries out (offline they wait there).
import type { DepartmentItem, TicketDetail, TicketItem } from '../../../../shared/contract'
import { messageOf } from '../actions'
import { call } from '../desk'
import { m } from '../i18n.svelte'
import { Announcer, FilteredListView } from './desk-list.svelte'

export const ticketStatusLabels: Record<string, () => string> = { open: m.tickets_status_open, answered: m.tickets_status_answered, closed: m.tickets_status_closed }
export const priorityLabels: Record<string, () => string> = { low: m.tickets_priority_low, medium: m.tickets_priority_medium, high: m.tickets_priority_high }

export interface TicketFilter {
  status?: 'open' | 'answered' | 'closed'
  priority?: 'low' | 'medium' | 'high'
}

export interface NewTicket {
  subject: string
  body: string
  priority: 'low' | 'medium' | 'high'
  /** null: the server puts it in its first department. */
  departmentId: number | null
}

export class TicketsState extends FilteredListView<TicketItem, TicketFilter> {
  readonly #news = new Announcer()
  #selectedId = $state<number | null>(null)
  #ticket = $state.raw<TicketDetail | null>(null)
  #departments = $state.raw<DepartmentItem[]>([])
  #creating = $state(false)
  /** Subjects of tickets created here, by local id: how to find them once they are sent. */
  readonly #madeHere = new Map<number, string>()

  constructor(options: { pageSize?: number } = {}) {
    super({ pageSize: options.pageSize, failure: m.tickets_read_failed })
  }

  protected readPage(filter: TicketFilter, page: { limit: number; offset: number }) {
    return call('tickets-list', { ...filter, ...page })
  }

  get selectedId(): number | null {
    return this.#selectedId
  }
  get ticket(): TicketDetail | null {
    return this.#ticket
  }
  get departments(): DepartmentItem[] {
    return this.#departments
  }
  get creating(): boolean {
    return this.#creating
  }
  /** For the live region: the latest answer from support. */
  get announcement(): string {
    return this.#news.text
  }

  /** The tickets changed in the core: as many rows again as are shown, and the departments. */
  override async reload(): Promise<void> {
    await Promise.all([super.reload(), this.#loadDepartments()])
  }

  /** Support answered (the core saw a new reply from support): said, and notified when the window is elsewhere. */
  supportAnswered(subject: string): void {
    this.#news.announce(m.tickets_answered({ subject }))
  }

  async #loadDepartments(): Promise<void> {
    try {
      this.#departments = (await call('ticket-departments', {})).items
    } catch (error) {
      this.actions.error = messageOf(error, m.tickets_read_failed())
    }
  }

  /** Opens a ticket's thread (null closes it). */
  async open(id: number | null): Promise<void> {
    this.#selectedId = id
    this.#creating = false
    await this.loadTicket()
  }

  async loadTicket(): Promise<void> {
    const id = this.#selectedId
    if (id === null) {
      this.#ticket = null
      return
    }
    try {
      this.#ticket = await call('ticket-get', { id })
      this.actions.error = null
    } catch (error) {
      if ((error as { type?: string }).type === 'not-found') return this.#follow(id).catch(() => this.#letGo())
      this.actions.error = messageOf(error, m.tickets_ticket_read_failed())
    }
  }

  /**
   * A ticket made here takes its server id once sent, and its local id stops answering:
   * follow it to the newest ticket of the same subject, or let go.
   */
  async #follow(localId: number): Promise<void> {
    const subject = localId < 0 ? (this.#madeHere.get(localId) ?? this.#ticket?.subject) : undefined
    const moved = subject === undefined ? undefined : await this.#newestNamed(subject)
    this.#selectedId = moved?.id ?? null
    this.#ticket = moved ? await call('ticket-get', { id: moved.id }) : null
  }

  /** The newest server ticket of this subject (tickets come newest first), read page by page. */
  async #newestNamed(subject: string): Promise<TicketItem | undefined> {
    for (let offset = 0; ; offset += 500) {
      const page = await call('tickets-list', { limit: 500, offset })
      const found = page.items.find((t) => t.id > 0 && t.subject === subject)
      if (found || page.items.length === 0 || offset + page.items.length >= page.total) return found
    }
  }

  #letGo(): void {
    this.#selectedId = null
    this.#ticket = null
  }

  startNew(): void {
    this.#selectedId = null
    this.#ticket = null
    this.#creating = true
  }

  cancelNew(): void {
    this.#creating = false
  }

  /** Queues the new ticket and opens it; false (with the error shown) when refused. */
  async create(input: NewTicket): Promise<boolean> {
    return this.actions.run(async () => {
      const { localId } = await call('ticket-create', {
        subject: input.subject,
        body: input.body,
        priority: input.priority,
        ...(input.departmentId !== null ? { departmentId: input.departmentId } : {}),
      })
      this.#madeHere.set(localId, input.subject)
      await this.reload()
      await this.open(localId)
    })
  }

  async reply(text: string): Promise<boolean> {
    const ticket = this.#ticket
    if (!ticket?.allowed.reply) return false
    return this.actions.run(async () => {
      await call('ticket-reply', { id: ticket.id, text })
      await this.loadTicket()
    })
  }

  async close(): Promise<boolean> {
    const ticket = this.#ticket
    if (!ticket?.allowed.close) return false
    return this.actions.run(async () => {
      await call('ticket-close', { id: ticket.id })
      await Promise.all([this.reload(), this.loadTicket()])
    })
  }

  /** Forgets everything shown: another account became active. */
  reset(): void {
    this.list.forget()
    this.#departments = []
    this.#selectedId = null
    this.#ticket = null
    this.#creating = false
    this.actions.error = null
    this.#news.clear()
  }
}
