// Webhooks: the list (readable offline), edits queued; the event catalogue, a test, the
// delivery log and rotating the secret are live. A secret is held here only while it is
// on screen for the user to copy, and dropped when that panel closes.
import type { WebhookDeliveryItem, WebhookEventItem, WebhookItem } from '../../../../shared/contract'
import { messageOf } from '../actions'
import { call } from '../desk'
import { count } from '../format'
import { m } from '../i18n.svelte'
import { fieldErrorsOf, type FieldErrors } from './account-area.svelte'

export interface DeliveryLog {
  webhookId: number
  items: WebhookDeliveryItem[]
  page: number
  lastPage: number
  total: number
  loading: boolean
  error: string | null
}

/** Events grouped for the checklist, groups and events in catalogue order. */
export function groupEvents(events: readonly WebhookEventItem[]): { group: string; events: WebhookEventItem[] }[] {
  const groups = new Map<string, WebhookEventItem[]>()
  for (const e of events) groups.set(e.group, [...(groups.get(e.group) ?? []), e])
  return [...groups].map(([group, list]) => ({ group, events: list }))
}

export class WebhooksState {
  #items = $state.raw<WebhookItem[]>([])
  #events = $state.raw<WebhookEventItem[]>([])
  #eventsError = $state<string | null>(null)
  #loaded = $state(false)
  #error = $state<string | null>(null)
  #log = $state<DeliveryLog | null>(null)
  #secret = $state<{ webhookId: number; secret: string } | null>(null)
  #busy = $state<number | null>(null)
  #notice = $state<string | null>(null)

  get items(): WebhookItem[] {
    return this.#items
  }
  get events(): WebhookEventItem[] {
    return this.#events
  }
  get eventsError(): string | null {
    return this.#eventsError
  }
  get loaded(): boolean {
    return this.#loaded
  }
  get error(): string | null {
    return this.#error
  }
  get log(): DeliveryLog | null {
    return this.#log
  }
  /** The secret on screen right now (after a rotation or a reveal), else null. */
  get secret(): { webhookId: number; secret: string } | null {
    return this.#secret
  }
  get busy(): number | null {
    return this.#busy
  }
  get notice(): string | null {
    return this.#notice
  }

  async reload(): Promise<void> {
    try {
      this.#items = (await call('webhooks-list', {})).items
      this.#error = null
    } catch (error) {
      this.#error = messageOf(error, m.webhook_read_failed())
    } finally {
      this.#loaded = true
    }
  }

  async loadEvents(): Promise<void> {
    if (this.#events.length > 0) return
    try {
      this.#events = (await call('webhook-events', {})).events
      this.#eventsError = null
    } catch (error) {
      this.#eventsError = messageOf(error, m.webhook_events_failed())
    }
  }

  async save(id: number | null, input: { name: string; url: string; events: string[] }): Promise<FieldErrors | string | null> {
    try {
      if (id === null) await call('webhook-create', input)
      else await call('webhook-update', { id, changes: input })
      await this.reload()
      return null
    } catch (error) {
      const fields = fieldErrorsOf(error)
      return Object.keys(fields).length > 0 ? fields : messageOf(error)
    }
  }

  async toggle(id: number, active: boolean): Promise<void> {
    await this.#run(id, async () => {
      await call('webhook-toggle', { id, active })
      await this.reload()
    })
  }

  async remove(id: number): Promise<void> {
    await this.#run(id, async () => {
      await call('webhook-delete', { id })
      if (this.#log?.webhookId === id) this.#log = null
      await this.reload()
    })
  }

  async test(id: number): Promise<void> {
    await this.#run(id, async () => {
      const delivery = await call('webhook-test', { id })
      this.#notice = delivery
        ? delivery.success
          ? m.webhook_test_delivered({ status: String(delivery.status ?? '—'), ms: delivery.durationMs === null ? '—' : count(delivery.durationMs) })
          : m.webhook_test_refused({ status: String(delivery.status ?? '—') })
        : m.webhook_test_sent()
      if (this.#log?.webhookId === id) await this.openLog(id, 1)
    })
  }

  async openLog(id: number, page = 1): Promise<void> {
    const keep = this.#log?.webhookId === id ? this.#log : null
    this.#log = { webhookId: id, items: keep?.items ?? [], page, lastPage: keep?.lastPage ?? 1, total: keep?.total ?? 0, loading: true, error: null }
    try {
      const result = await call('webhook-deliveries', { id, page })
      this.#log = { webhookId: id, ...result, loading: false, error: null }
    } catch (error) {
      this.#log = { webhookId: id, items: [], page, lastPage: 1, total: 0, loading: false, error: messageOf(error, m.webhook_log_failed()) }
    }
  }

  closeLog(): void {
    this.#log = null
  }

  async rotate(id: number): Promise<void> {
    await this.#run(id, async () => {
      const { secret } = await call('webhook-rotate-secret', { id })
      this.#secret = { webhookId: id, secret }
    })
  }

  async reveal(id: number): Promise<void> {
    await this.#run(id, async () => {
      const { secret } = await call('webhook-secret-reveal', { id })
      if (secret) this.#secret = { webhookId: id, secret }
      else this.#notice = m.webhook_secret_shown()
      await this.reload()
    })
  }

  /** The secret leaves the screen and this state. */
  forgetSecret(): void {
    this.#secret = null
  }

  dismissNotice(): void {
    this.#notice = null
  }

  async #run(id: number, work: () => Promise<void>): Promise<void> {
    this.#busy = id
    this.#notice = null
    try {
      await work()
    } catch (error) {
      this.#notice = messageOf(error)
    } finally {
      this.#busy = null
    }
  }
}
