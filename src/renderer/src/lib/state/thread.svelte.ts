// One conversation's messages, oldest at the top: the newest page first, older pages as
// the user scrolls up, and a jump that reaches back to a search hit. While the user reads
// further up, new messages do not pull the view down: they are counted for "Jump to latest".
import type { MessageItem, ThreadCursor } from '../../../../shared/contract'
import { call } from '../desk'
import { m } from '../i18n.svelte'
import { PagedList } from './paged-list.svelte'

export type Mark = 'pending' | 'sent' | 'delivered' | 'read' | 'failed' | 'received'

/** What the mark says to a screen reader and in its tooltip. */
export function markLabel(mark: Mark): string {
  const labels: Record<Mark, () => string> = {
    pending: m.inbox_mark_pending,
    sent: m.inbox_mark_sent,
    delivered: m.inbox_mark_delivered,
    read: m.inbox_mark_read,
    failed: m.inbox_mark_failed,
    received: m.inbox_mark_received,
  }
  return labels[mark]()
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
  #highlight = $state<number | null>(null)
  /** Bumped when the view should scroll down to the newest end (or to the highlight). */
  #revision = $state(0)
  /** The view shows the newest end, so new messages scroll into view. */
  #following = $state(true)
  /** Messages that arrived while the user was reading further up. */
  #newWhileAway = $state(0)
  #detailsOpen = $state(true)
  /** Newest first, as the core pages them. */
  readonly #list = new PagedList<MessageItem, ThreadCursor>({
    pageSize: 50,
    failure: m.inbox_thread_failed,
    read: (before, limit) => call('thread-page', { contactId: this.#contactId ?? 0, limit, ...(before ? { before } : {}) }),
  })
  /** Oldest first, as shown. */
  readonly #messages: MessageItem[] = $derived(this.#list.items.toReversed())

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
    return this.#list.hasMore
  }
  get loading(): boolean {
    return this.#list.loading
  }
  get error(): string | null {
    return this.#list.error
  }
  get revision(): number {
    return this.#revision
  }
  /** The contact's details beside the thread (collapsible; stays as the user left it). */
  get detailsOpen(): boolean {
    return this.#detailsOpen
  }
  toggleDetails(open = !this.#detailsOpen): void {
    this.#detailsOpen = open
  }
  get following(): boolean {
    return this.#following
  }
  get newWhileAway(): number {
    return this.#newWhileAway
  }

  /** The view says whether its newest end is in sight. */
  setFollowing(atEnd: boolean): void {
    this.#following = atEnd
    if (atEnd) this.#newWhileAway = 0
  }

  /** Back to the newest message, the ones that arrived meanwhile counted as seen. */
  jumpToLatest(): void {
    this.#following = true
    this.#newWhileAway = 0
    this.#highlight = null
    this.#revision++
  }

  /** Opens a conversation at its newest message, or reaching back to `throughRowId`. */
  async open(contactId: number, throughRowId?: number): Promise<void> {
    if (contactId !== this.#contactId) this.#list.clear()
    this.#contactId = contactId
    this.#highlight = throughRowId ?? null
    this.#following = throughRowId === undefined
    this.#newWhileAway = 0
    await this.#list.restart(throughRowId === undefined ? undefined : () => call('thread-page', { contactId, limit: 20, throughRowId }))
    this.#revision++
  }

  close(): void {
    this.#contactId = null
    this.#highlight = null
    this.#newWhileAway = 0
    this.#list.clear()
  }

  async loadOlder(): Promise<void> {
    if (this.#contactId !== null) await this.#list.loadMore()
  }

  /**
   * The store changed: read again every message shown, older ones scrolled to included.
   * `follow`: the user's own reply, which always brings the view to the newest end.
   */
  async refresh(options: { follow?: boolean } = {}): Promise<void> {
    if (this.#contactId === null) return
    const contactId = this.#contactId
    const shown = new Set(this.#messages.map((m) => m.rowId))
    const lastBefore = this.#messages.at(-1)?.rowId
    if (!(await this.#list.reload()) || contactId !== this.#contactId) return
    if (this.#messages.at(-1)?.rowId === lastBefore) return
    if (options.follow || this.#following) {
      this.jumpToLatest()
      return
    }
    this.#newWhileAway += this.#messages.filter((m) => !shown.has(m.rowId)).length
  }
}
