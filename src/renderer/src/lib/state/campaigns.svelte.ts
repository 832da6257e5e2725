// The campaigns list with status and progress; one selected, or the editor for a new one.
import type { CampaignItem } from '../../../../shared/contract'
import { messageOf } from '../actions'
import { call } from '../desk'
import { m } from '../i18n.svelte'

/** A campaign's status as the views show it, in the current language. */
export function statusLabel(status: string): string {
  const labels: Record<string, () => string> = {
    draft: m.campaign_status_draft,
    running: m.campaign_status_running,
    paused: m.campaign_status_paused,
    completed: m.campaign_status_completed,
    cancelled: m.campaign_status_cancelled,
    failed: m.campaign_status_failed,
  }
  return labels[status]?.() ?? status
}

export class CampaignsState {
  #items = $state.raw<CampaignItem[]>([])
  #selectedId = $state<number | null>(null)
  #creating = $state(false)
  #loaded = $state(false)
  #error = $state<string | null>(null)

  get items(): CampaignItem[] {
    return this.#items
  }
  get selectedId(): number | null {
    return this.#selectedId
  }
  /** The editor is open for a new campaign. */
  get creating(): boolean {
    return this.#creating
  }
  get loaded(): boolean {
    return this.#loaded
  }
  get error(): string | null {
    return this.#error
  }
  readonly selected: CampaignItem | undefined = $derived(this.#items.find((c) => c.id === this.#selectedId))

  select(id: number | null): void {
    this.#selectedId = id
    this.#creating = false
  }

  startNew(): void {
    this.#selectedId = null
    this.#creating = true
  }

  async reload(): Promise<void> {
    try {
      this.#items = (await call('campaigns-list', { limit: 500 })).items
      this.#error = null
      // A campaign created offline gets its server id later: follow it by name if the local one went.
      if (this.#selectedId !== null && !this.#items.some((c) => c.id === this.#selectedId)) this.#selectedId = null
    } catch (error) {
      this.#error = messageOf(error, m.campaigns_read_failed())
    } finally {
      this.#loaded = true
    }
  }
}
