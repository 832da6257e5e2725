// Support tickets: the list with its status and priority filters, the open ticket's thread
// (with what the core allows on it), the new-ticket form's departments, and the actions —
// open, reply, close — which the outbox carries out (offline they wait there).
import type { DepartmentItem, TicketDetail, TicketItem } from '../../../../shared/contract'
import { messageOf } from '../actions'
import { call } from '../desk'
import { m } from '../i18n.svelte'

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

export class TicketsState {
  #items = $state.raw<TicketItem[]>([])
  #filter = $state.raw<TicketFilter>({})
  #selectedId = $state<number | null>(null)
  #ticket = $state.raw<TicketDetail | null>(null)
  #departments = $state.raw<DepartmentItem[]>([])
  #creating = $state(false)
  #loaded = $state(false)
  #busy = $state(false)
  #error = $state<string | null>(null)
  #announcement = $state('')
  /** Each ticket's status and last reply time as last seen, to notice support's answers. */
  #seen = new Map<number, string>()
  /** Subjects of tickets created here, by local id: how to find them once they are sent. */
  readonly #madeHere = new Map<number, string>()

  get items(): TicketItem[] {
    return this.#items
  }
  get filter(): TicketFilter {
    return this.#filter
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
  get loaded(): boolean {
    return this.#loaded
  }
  get busy(): boolean {
    return this.#busy
  }
  get error(): string | null {
    return this.#error
  }
  /** For the live region: the latest answer from support. */
  get announcement(): string {
    return this.#announcement
  }

  async reload(): Promise<void> {
    try {
      const [list, departments] = await Promise.all([call('tickets-list', { ...this.#filter, limit: 500 }), call('ticket-departments', {})])
      this.#items = list.items
      this.#departments = departments.items
      this.#error = null
      this.#noticeAnswers(list.items)
    } catch (error) {
      this.#error = messageOf(error, m.tickets_read_failed())
    } finally {
      this.#loaded = true
    }
  }

  async setFilter(filter: TicketFilter): Promise<void> {
    this.#filter = filter
    await this.reload()
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
      this.#error = null
    } catch (error) {
      if ((error as { type?: string }).type === 'not-found') return this.#follow(id).catch(() => this.#letGo())
      this.#error = messageOf(error, m.tickets_ticket_read_failed())
    }
  }

  /** Support answered (a ticket became "answered" with a newer reply): announced, and notified when the window is not in front. */
  #noticeAnswers(items: TicketItem[]): void {
    const first = this.#seen.size === 0 && !this.#loaded
    // Server times are whole seconds: an answer within the second of the last reply shows in the status.
    const key = (t: TicketItem) => `${t.status}|${t.lastReplyAt ?? ''}`
    const answered = items.filter((t) => t.status === 'answered' && this.#seen.has(t.id) && this.#seen.get(t.id) !== key(t))
    for (const t of items) this.#seen.set(t.id, key(t))
    const ticket = answered[0]
    if (first || !ticket) return
    const text = m.tickets_answered({ subject: ticket.subject })
    this.#announcement = text
    // The shell shows it, as the user's settings allow: a page's own notifications are refused.
    if (document.hasFocus()) return
    void call('app-notify', { title: m.tickets_notify_title(), body: text }).catch(() => {
      // A courtesy: the list and the badge say the same.
    })
  }

  /**
   * A ticket made here takes its server id once sent, and its local id stops answering:
   * follow it to the newest ticket of the same subject, or let go.
   */
  async #follow(localId: number): Promise<void> {
    const subject = localId < 0 ? (this.#madeHere.get(localId) ?? this.#ticket?.subject) : undefined
    const moved = subject === undefined ? undefined : (await call('tickets-list', { limit: 500 })).items.find((t) => t.id > 0 && t.subject === subject)
    this.#selectedId = moved?.id ?? null
    this.#ticket = moved ? await call('ticket-get', { id: moved.id }) : null
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
    return this.#run(async () => {
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
    return this.#run(async () => {
      await call('ticket-reply', { id: ticket.id, text })
      await this.loadTicket()
    })
  }

  async close(): Promise<boolean> {
    const ticket = this.#ticket
    if (!ticket?.allowed.close) return false
    return this.#run(async () => {
      await call('ticket-close', { id: ticket.id })
      await Promise.all([this.reload(), this.loadTicket()])
    })
  }

  /** Forgets everything shown: another account became active. */
  reset(): void {
    this.#items = []
    this.#departments = []
    this.#selectedId = null
    this.#ticket = null
    this.#creating = false
    this.#loaded = false
    this.#error = null
    this.#seen = new Map()
  }

  async #run(work: () => Promise<void>): Promise<boolean> {
    if (this.#busy) return false
    this.#busy = true
    try {
      await work()
      this.#error = null
      return true
    } catch (error) {
      this.#error = messageOf(error)
      return false
    } finally {
      this.#busy = false
    }
  }
}
