// Web chat in the inbox: the website widget's sessions (those waiting for a person first),
// the open session with what its state allows (asked of the core), the hand-over commands
// and replies (queued in the outbox), and the analytics panel (online only). A visitor who
// starts waiting raises a notification.
import type { WebChatAnalyticsView, WebChatMessageItem, WebChatSessionItem } from '../../../../shared/contract'
import { messageOf } from '../actions'
import { call } from '../desk'
import { m } from '../i18n.svelte'

export type WebChatCommand = 'take-over' | 'release' | 'end'
export type AnalyticsPeriod = 'today' | 'week' | 'month' | 'year'
export type WebChatSession = WebChatSessionItem & { messages: WebChatMessageItem[] }

export const handlerLabels: Record<string, () => string> = { ai: m.webchat_handler_ai, human: m.webchat_handler_human, pending: m.webchat_handler_pending }
export const commandLabels: Record<WebChatCommand, () => string> = { 'take-over': m.webchat_take_over, release: m.webchat_release, end: m.webchat_end }

export interface WebChatFilter {
  status?: 'active' | 'ended'
  handledBy?: 'ai' | 'human' | 'pending'
  search?: string
}

/** Who the visitor is, as far as the widget knows. */
export function visitorLabel(s: Pick<WebChatSessionItem, 'visitorName' | 'visitorEmail' | 'visitorPhone'>): string {
  return s.visitorName ?? s.visitorEmail ?? s.visitorPhone ?? m.webchat_anonymous()
}

export class WebChatState {
  #shown = $state(false)
  #items = $state.raw<WebChatSessionItem[]>([])
  #waiting = $state(0)
  #filter = $state.raw<WebChatFilter>({})
  #selectedId = $state<string | null>(null)
  #session = $state.raw<WebChatSession | null>(null)
  #loaded = $state(false)
  #busy = $state(false)
  #error = $state<string | null>(null)
  #announcement = $state('')
  #analyticsOpen = $state(false)
  #period = $state<AnalyticsPeriod>('week')
  #analytics = $state.raw<WebChatAnalyticsView | null>(null)
  #analyticsError = $state<string | null>(null)
  #waitingIds = new Set<string>()

  get shown(): boolean {
    return this.#shown
  }
  get items(): WebChatSessionItem[] {
    return this.#items
  }
  get waiting(): number {
    return this.#waiting
  }
  get filter(): WebChatFilter {
    return this.#filter
  }
  get selectedId(): string | null {
    return this.#selectedId
  }
  get session(): WebChatSession | null {
    return this.#session
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
  /** For the live region: who just started waiting. */
  get announcement(): string {
    return this.#announcement
  }
  get analyticsOpen(): boolean {
    return this.#analyticsOpen
  }
  get period(): AnalyticsPeriod {
    return this.#period
  }
  get analytics(): WebChatAnalyticsView | null {
    return this.#analytics
  }
  get analyticsError(): string | null {
    return this.#analyticsError
  }

  show(shown: boolean): void {
    this.#shown = shown
  }

  async reload(): Promise<void> {
    try {
      const result = await call('web-chat-sessions', { ...this.#filter, limit: 500 })
      this.#items = result.items
      this.#waiting = result.waiting
      this.#error = null
      this.#noticeNewlyWaiting(result.items)
    } catch (error) {
      this.#error = messageOf(error, m.webchat_read_failed())
    } finally {
      this.#loaded = true
    }
  }

  /** A visitor who starts waiting for a person: announced, and a notification when the window is not in front. */
  #noticeNewlyWaiting(items: WebChatSessionItem[]): void {
    const waiting = items.filter((s) => s.waiting)
    const fresh = this.#loaded ? waiting.filter((s) => !this.#waitingIds.has(s.sessionId)) : []
    this.#waitingIds = new Set(waiting.map((s) => s.sessionId))
    const first = fresh[0]
    if (!first) return
    const text = m.webchat_visitor_waiting({ visitor: visitorLabel(first) })
    this.#announcement = text
    // The shell shows it, as the user's settings allow: a page's own notifications are refused.
    if (document.hasFocus()) return
    void call('app-notify', { title: m.webchat_notify_title(), body: text }).catch(() => {
      // A courtesy: the list and the badge say the same.
    })
  }

  async setFilter(filter: WebChatFilter): Promise<void> {
    this.#filter = filter
    await this.reload()
  }

  async open(sessionId: string | null): Promise<void> {
    this.#selectedId = sessionId
    this.#analyticsOpen = false
    await this.load()
  }

  async load(): Promise<void> {
    const id = this.#selectedId
    if (id === null) {
      this.#session = null
      return
    }
    try {
      this.#session = await call('web-chat-session', { sessionId: id })
      this.#error = null
    } catch (error) {
      this.#error = messageOf(error, m.webchat_session_failed())
    }
  }

  async command(command: WebChatCommand): Promise<boolean> {
    const s = this.#session
    const allowed = { 'take-over': s?.allowed.takeOver, release: s?.allowed.release, end: s?.allowed.end }[command]
    if (!s || !allowed) return false
    return this.#run(async () => {
      await call('web-chat-command', { sessionId: s.sessionId, command })
      await Promise.all([this.reload(), this.load()])
    })
  }

  async reply(text: string): Promise<boolean> {
    const s = this.#session
    if (!s?.allowed.reply) return false
    return this.#run(async () => {
      await call('web-chat-reply', { sessionId: s.sessionId, text })
      await this.load()
    })
  }

  async openAnalytics(period: AnalyticsPeriod = this.#period): Promise<void> {
    this.#analyticsOpen = true
    this.#period = period
    try {
      this.#analytics = await call('web-chat-analytics', { period })
      this.#analyticsError = null
    } catch (error) {
      this.#analytics = null
      this.#analyticsError = messageOf(error, m.webchat_analytics_failed())
    }
  }

  closeAnalytics(): void {
    this.#analyticsOpen = false
  }

  reset(): void {
    this.#items = []
    this.#waiting = 0
    this.#selectedId = null
    this.#session = null
    this.#loaded = false
    this.#error = null
    this.#waitingIds = new Set()
    this.#analytics = null
    this.#analyticsOpen = false
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
