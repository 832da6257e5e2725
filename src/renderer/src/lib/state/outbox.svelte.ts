// The outbox panel: what is waiting and what failed, with retry, edit, discard, and "mark as
// done" for a failed action the user knows went through (asked to confirm: it is never sent).
import { act, messageOf, onOutboxEvent, type ActionOutput } from '../actions'
import { all } from '../events'
import { m } from '../i18n.svelte'

export type OutboxAction = ActionOutput<'outbox-list'>['actions'][number]

export class OutboxState {
  #actions = $state.raw<OutboxAction[]>([])
  #open = $state(false)
  #error = $state<string | null>(null)
  #editing = $state<{ actionId: string; field: string; text: string } | null>(null)
  #confirmingDone = $state<OutboxAction | null>(null)
  #accountId: () => string | null

  constructor(accountId: () => string | null) {
    this.#accountId = accountId
  }

  get actions(): OutboxAction[] {
    return this.#actions
  }
  get open(): boolean {
    return this.#open
  }
  get error(): string | null {
    return this.#error
  }
  get editing(): { actionId: string; field: string; text: string } | null {
    return this.#editing
  }
  /** The failed action whose "mark as done" waits for the user's confirmation. */
  get confirmingDone(): OutboxAction | null {
    return this.#confirmingDone
  }
  readonly failed: OutboxAction[] = $derived(this.#actions.filter((a) => a.state === 'failed'))
  readonly waiting: OutboxAction[] = $derived(this.#actions.filter((a) => a.state === 'queued' || a.state === 'in-flight'))

  toggle(open = !this.#open): void {
    this.#open = open
    if (open) void this.load()
  }

  async load(): Promise<void> {
    try {
      const { actions } = await act('outbox-list', { states: ['queued', 'in-flight', 'failed'] })
      this.#actions = actions
      this.#error = null
    } catch (error) {
      this.#error = messageOf(error, m.outbox_read_failed())
    }
  }

  async retry(actionId: string): Promise<void> {
    await this.#run(() => act('outbox-retry', { actionId }))
  }

  async discard(actionId: string): Promise<void> {
    await this.#run(() => act('outbox-discard', { actionId }))
  }

  /** Asks first: marking an action done means SkyLight Desk will not send it. */
  askMarkDone(action: OutboxAction): void {
    if (action.state === 'failed' && action.markable) this.#confirmingDone = action
  }
  cancelMarkDone(): void {
    this.#confirmingDone = null
  }
  async confirmMarkDone(): Promise<void> {
    const action = this.#confirmingDone
    this.#confirmingDone = null
    if (action) await this.#run(() => act('outbox-mark-done', { actionId: action.id }))
  }

  /** The first field the core says the action takes corrections to (a message's text, a file's name). */
  startEdit(action: OutboxAction): void {
    const [field, value] = Object.entries(action.editable ?? {})[0] ?? []
    if (field !== undefined) this.#editing = { actionId: action.id, field, text: value ?? '' }
  }
  setEditText(text: string): void {
    if (this.#editing) this.#editing = { ...this.#editing, text }
  }
  cancelEdit(): void {
    this.#editing = null
  }
  async saveEdit(): Promise<void> {
    const editing = this.#editing
    if (!editing || editing.text.trim() === '') return
    await this.#run(async () => {
      // An edit queues the action again by itself; a retry after it would be refused.
      await act('outbox-edit', { actionId: editing.actionId, changes: { [editing.field]: editing.text.trim() } })
      this.#editing = null
    })
  }

  async #run(action: () => Promise<unknown>): Promise<void> {
    try {
      await action()
      this.#error = null
    } catch (error) {
      this.#error = messageOf(error)
    }
    await this.load()
  }

  connect(): () => void {
    const mine = (accountId: string) => accountId === this.#accountId()
    return all(
      onOutboxEvent('outbox-changed', ({ accountId }) => {
        if (mine(accountId) && this.#open) void this.load()
      }),
      onOutboxEvent('outbox-action', ({ accountId, action }) => {
        if (!mine(accountId)) return
        const rest = this.#actions.filter((a) => a.id !== action.id)
        const shown = action.state === 'queued' || action.state === 'in-flight' || action.state === 'failed'
        this.#actions = shown ? [...rest, action].sort((a, b) => a.createdAt.localeCompare(b.createdAt)) : rest
      }),
    )
  }
}
