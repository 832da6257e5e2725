// Web chat in the inbox: the website widget's sessions (those waiting for a person first),
// the open session with what its state allows (asked of the core), the hand-over commands
// and replies (queued in the outbox), and the analytics panel (online only). A visitor who
// starts waiting, or writes to a person, is said and notified (the core's sync sees it).
import type { WebChatAnalyticsView, WebChatMessageItem, WebChatSessionItem } from '../../../../shared/contract'
import { messageOf } from '../actions'
import { call } from '../desk'
import { m } from '../i18n.svelte'
import { Announcer, FilteredListView } from './desk-list.svelte'

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

export class WebChatState extends FilteredListView<WebChatSessionItem, WebChatFilter> {
  #shown = $state(false)
  readonly #news = new Announcer()
  #waiting = $state(0)
  #selectedId = $state<string | null>(null)
  #session = $state.raw<WebChatSession | null>(null)
  #analyticsOpen = $state(false)
  #period = $state<AnalyticsPeriod>('week')
  #analytics = $state.raw<WebChatAnalyticsView | null>(null)
  #analyticsError = $state<string | null>(null)

  constructor(options: { pageSize?: number } = {}) {
    super({ pageSize: options.pageSize, failure: m.webchat_read_failed })
  }

  protected async readPage(filter: WebChatFilter, page: { limit: number; offset: number }) {
    const result = await call('web-chat-sessions', { ...filter, ...page })
    this.#waiting = result.waiting
    return result
  }

  get shown(): boolean {
    return this.#shown
  }
  /** Sessions waiting for a person, whatever the filter. */
  get waiting(): number {
    return this.#waiting
  }
  get selectedId(): string | null {
    return this.#selectedId
  }
  get session(): WebChatSession | null {
    return this.#session
  }
  /** For the live region: who just started waiting, or wrote. */
  get announcement(): string {
    return this.#news.text
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

  /** A visitor started waiting for a person (the core saw it): said, and notified when the window is elsewhere. */
  visitorWaiting(visitor: string | null): void {
    this.#news.announce(m.webchat_visitor_waiting({ visitor: visitor ?? m.webchat_anonymous() }))
  }

  /** A visitor wrote in a session a person handles. */
  visitorWrote(visitor: string | null, preview: string): void {
    this.#news.announce(m.webchat_visitor_wrote({ visitor: visitor ?? m.webchat_anonymous(), preview }))
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
      this.actions.error = null
    } catch (error) {
      this.actions.error = messageOf(error, m.webchat_session_failed())
    }
  }

  async command(command: WebChatCommand): Promise<boolean> {
    const s = this.#session
    const allowed = { 'take-over': s?.allowed.takeOver, release: s?.allowed.release, end: s?.allowed.end }[command]
    if (!s || !allowed) return false
    return this.actions.run(async () => {
      await call('web-chat-command', { sessionId: s.sessionId, command })
      await Promise.all([this.reload(), this.load()])
    })
  }

  async reply(text: string): Promise<boolean> {
    const s = this.#session
    if (!s?.allowed.reply) return false
    return this.actions.run(async () => {
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
    this.list.forget()
    this.#waiting = 0
    this.#selectedId = null
    this.#session = null
    this.actions.error = null
    this.#news.clear()
    this.#analytics = null
    this.#analyticsOpen = false
  }
}
