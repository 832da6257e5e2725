// The status strip: first-sync progress per resource, offline with the number of actions
// waiting, and when the account last synced.
import type { SyncStatusView } from '../../../../shared/contract'
import { act, onOutboxEvent, type OutboxEventPayload } from '../actions'
import { call } from '../desk'
import { all, onEvent } from '../events'
import { m } from '../i18n.svelte'

type Counts = OutboxEventPayload<'outbox-changed'>['counts']

export interface ResourceProgress {
  resource: string
  done: number
  total: number | null
  /** 0–100, or null when the total is not known yet. */
  percent: number | null
}

export class SyncStatusState {
  #status = $state.raw<SyncStatusView | null>(null)
  #counts = $state.raw<Counts>({ queued: 0, inFlight: 0, failed: 0 })
  #accountId: () => string | null

  constructor(accountId: () => string | null) {
    this.#accountId = accountId
  }

  get status(): SyncStatusView | null {
    return this.#status
  }
  get counts(): Counts {
    return this.#counts
  }
  get offline(): boolean {
    return this.#status?.state === 'offline'
  }
  /** SkyLight answers, but with errors: not "offline", and the user should know it is not them. */
  get serverTrouble(): boolean {
    return this.#status?.state === 'server-error'
  }
  get waiting(): number {
    return this.#counts.queued + this.#counts.inFlight
  }
  readonly syncing: boolean = $derived(this.#status?.state === 'syncing')
  readonly firstSync: boolean = $derived(this.#status !== null && !this.#status.firstSyncDone)

  /** Per resource, in the order sync walks them, while the first sync runs. */
  readonly progress: ResourceProgress[] = $derived.by(() => {
    const status = this.#status
    if (!status || status.firstSyncDone) return []
    return Object.entries(status.progress).map(([resource, p]) => ({
      resource,
      done: p.done,
      total: p.total,
      percent: p.total ? Math.min(100, Math.round((p.done / p.total) * 100)) : p.total === 0 ? 100 : null,
    }))
  })

  readonly problem: string | null = $derived.by(() => {
    const status = this.#status
    if (!status) return null
    if (status.state === 'key-rejected') return m.status_key_rejected()
    if (status.state === 'error') return status.message ?? m.status_sync_error()
    return null
  })

  async load(): Promise<void> {
    const accountId = this.#accountId()
    if (!accountId) {
      this.#status = null
      return
    }
    this.#status = await call('sync-status', { accountId })
    try {
      this.#counts = (await act('outbox-list', { states: ['failed'] })).counts
    } catch {
      // No outbox in this core: nothing is ever waiting.
    }
  }

  async syncNow(): Promise<void> {
    await call('sync-now', { kind: 'refresh' })
  }

  connect(): () => void {
    return all(
      onEvent('sync-status', (status) => {
        if (status.accountId === this.#accountId()) this.#status = status
      }),
      onOutboxEvent('outbox-changed', ({ accountId, counts }) => {
        if (accountId === this.#accountId()) this.#counts = counts
      }),
    )
  }
}
