// One conversation's messages, oldest at the top: the newest page first, older pages as
// the user scrolls up, and a jump that reaches back to a search hit.
import type { MessageItem, ThreadCursor } from '../../../../shared/contract'
import { messageOf } from '../actions'
import { call } from '../desk'

const PAGE = 50

export type Mark = 'pending' | 'sent' | 'delivered' | 'read' | 'failed' | 'received'

export const markLabels: Record<Mark, string> = {
  pending: 'Waiting to send',
  sent: 'Sent',
  delivered: 'Delivered',
  read: 'Read',
  failed: 'Not sent',
  received: 'Received',
}

/** What the status mark beside a message shows. */
export function markOf(message: Pick<MessageItem, 'direction' | 'status' | 'pending' | 'error'>): Mark {
  if (message.direction !== 'outbound') return 'received'
  if (message.status === 'failed') return 'failed'
  if (message.pending || message.status === 'pending' || message.status === 'queued') return 'pending'
  if (message.status === 'read') return 'read'
  if (message.status === 'delivered') return 'delivered'
  return 'sent'
}

export class ThreadState {
  #contactId = $state<number | null>(null)
  /** Oldest first, as shown. */
  #messages = $state.raw<MessageItem[]>([])
  #next = $state.raw<ThreadCursor | null>(null)
  #highlight = $state<number | null>(null)
  #loading = $state(false)
  #error = $state<string | null>(null)
  /** Bumped when the newest end changed, so the view scrolls down to it. */
  #revision = $state(0)

  get contactId(): number | null {
    return this.#contactId
  }
  get messages(): MessageItem[] {
    return this.#messages
  }
  get highlight(): number | null {
    return this.#highlight
  }
  get hasOlder(): boolean {
    return this.#next !== null
  }
  get loading(): boolean {
    return this.#loading
  }
  get error(): string | null {
    return this.#error
  }
  get revision(): number {
    return this.#revision
  }

  /** Opens a conversation at its newest message, or reaching back to `throughRowId`. */
  async open(contactId: number, throughRowId?: number): Promise<void> {
    if (contactId !== this.#contactId) this.#messages = []
    this.#contactId = contactId
    this.#highlight = throughRowId ?? null
    await this.#load(throughRowId === undefined ? { contactId, limit: PAGE } : { contactId, limit: 20, throughRowId })
    this.#revision++
  }

  close(): void {
    this.#contactId = null
    this.#messages = []
    this.#next = null
    this.#highlight = null
  }

  async loadOlder(): Promise<void> {
    const contactId = this.#contactId
    if (contactId === null || !this.#next || this.#loading) return
    this.#loading = true
    try {
      const page = await call('thread-page', { contactId, limit: PAGE, before: this.#next })
      if (contactId !== this.#contactId) return
      this.#messages = [...page.items.toReversed(), ...this.#messages]
      this.#next = page.next
    } catch (error) {
      this.#error = messageOf(error, 'Older messages could not be read.')
    } finally {
      this.#loading = false
    }
  }

  /** The store changed: read again what is shown (up to 500 newest; anything older is kept as it was). */
  async refresh(): Promise<void> {
    const contactId = this.#contactId
    if (contactId === null) return
    const shown = this.#messages
    const limit = Math.min(Math.max(shown.length, PAGE), 500)
    const lastBefore = shown.at(-1)?.rowId
    await this.#load({ contactId, limit }, shown.length > 500 ? shown : undefined)
    if (this.#messages.at(-1)?.rowId !== lastBefore) this.#revision++
  }

  async #load(input: { contactId: number; limit: number; throughRowId?: number }, keepOlderFrom?: MessageItem[]): Promise<void> {
    this.#loading = true
    try {
      const page = await call('thread-page', input)
      if (input.contactId !== this.#contactId) return
      const fresh = page.items.toReversed()
      const oldest = fresh[0]
      const cut = keepOlderFrom && oldest ? keepOlderFrom.findIndex((m) => m.rowId === oldest.rowId) : -1
      this.#messages = cut > 0 && keepOlderFrom ? [...keepOlderFrom.slice(0, cut), ...fresh] : fresh
      if (cut <= 0) this.#next = page.next
      this.#error = null
    } catch (error) {
      this.#error = messageOf(error, 'This conversation could not be read.')
    } finally {
      this.#loading = false
    }
  }
}
