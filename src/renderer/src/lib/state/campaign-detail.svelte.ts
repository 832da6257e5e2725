// One campaign: its numbers, the commands its status allows (queued when offline) and the
// per-contact delivery table — a page at a time through every recipient, filtered by
// delivery status, searched by name or phone, exported whole as CSV.
import type { CampaignDetail, DeliveryItem } from '../../../../shared/contract'
import { act, messageOf } from '../actions'
import { call, DeskError } from '../desk'
import { exportCsv } from '../export-csv'
import { m } from '../i18n.svelte'

/** Delivery rows per page of the table. */
export const DELIVERY_PAGE = 100

export type Command = 'start' | 'pause' | 'resume' | 'cancel'

export function commandLabel(command: Command): string {
  const labels: Record<Command, () => string> = {
    start: m.campaign_command_start,
    pause: m.campaign_command_pause,
    resume: m.campaign_command_resume,
    cancel: m.campaign_command_cancel,
  }
  return labels[command]()
}

export class CampaignDetailState {
  #campaign = $state.raw<CampaignDetail | null>(null)
  #deliveries = $state.raw<DeliveryItem[]>([])
  #status = $state<string | undefined>()
  #search = $state('')
  #offset = $state(0)
  #total = $state(0)
  #exportNote = $state<string | null>(null)
  #exporting = $state(false)
  #error = $state<string | null>(null)
  #busy = $state(false)
  #confirming = $state<Command | 'delete' | null>(null)

  get campaign(): CampaignDetail | null {
    return this.#campaign
  }
  get deliveries(): DeliveryItem[] {
    return this.#deliveries
  }
  get statusFilter(): string | undefined {
    return this.#status
  }
  get search(): string {
    return this.#search
  }
  /** Rows matching the status filter and search, over every page. */
  get deliveryTotal(): number {
    return this.#total
  }
  /** Where the shown page starts (0-based). */
  get offset(): number {
    return this.#offset
  }
  get exportNote(): string | null {
    return this.#exportNote
  }
  get exporting(): boolean {
    return this.#exporting
  }
  get error(): string | null {
    return this.#error
  }
  get busy(): boolean {
    return this.#busy
  }
  /** The core's word on what the campaign's status allows. */
  readonly commands: Command[] = $derived(this.#campaign?.commands ?? [])
  /** Start and cancel cannot be undone: they wait for the user's confirmation. */
  get confirming(): Command | 'delete' | null {
    return this.#confirming
  }

  /** Asks first for what cannot be undone (start, cancel); runs the rest at once. */
  async request(command: Command | 'delete' | null): Promise<void> {
    if (command === 'start' || command === 'cancel' || command === 'delete') this.#confirming = command
    else if (command === null) this.#confirming = null
    else await this.run(command)
  }

  async confirm(): Promise<void> {
    const command = this.#confirming
    this.#confirming = null
    // A start the core says is blocked is not sent (the dialog showed why).
    if (command === 'start' && (this.#campaign?.startBlockers.length ?? 0) > 0) return
    if (command === 'delete') await this.remove()
    else if (command) await this.run(command)
  }

  async load(id: number | null): Promise<void> {
    if (id === null) {
      this.#campaign = null
      this.#deliveries = []
      this.#total = 0
      return
    }
    // Another campaign starts on its first page, unfiltered.
    if (this.#campaign !== null && this.#campaign.id !== id) {
      this.#status = undefined
      this.#search = ''
      this.#offset = 0
      this.#exportNote = null
    }
    try {
      const [campaign, deliveries] = await Promise.all([call('campaign-get', { id }), this.#readPage(id)])
      this.#campaign = campaign
      this.#deliveries = deliveries.items
      this.#total = deliveries.total
      // Fewer rows than before (a filter, rows gone): back to the last page that has some.
      if (this.#offset > 0 && this.#offset >= deliveries.total) {
        this.#offset = Math.max(0, Math.floor((deliveries.total - 1) / DELIVERY_PAGE) * DELIVERY_PAGE)
        const again = await this.#readPage(id)
        this.#deliveries = again.items
        this.#total = again.total
      }
      this.#error = null
    } catch (error) {
      // Deleted (here or elsewhere) since it was shown: there is nothing to show, not an error.
      if (error instanceof DeskError && error.type === 'not-found') {
        this.#campaign = null
        this.#deliveries = []
        this.#error = null
        return
      }
      this.#error = messageOf(error, m.campaign_read_failed())
    }
  }

  #filter(id: number) {
    const search = this.#search.trim()
    return { id, ...(this.#status ? { status: this.#status } : {}), ...(search ? { search } : {}) }
  }

  // A late answer to an older filter or page is dropped: the newest request wins.
  #request = 0
  async #readPage(id: number) {
    const request = ++this.#request
    const page = await call('campaign-deliveries', { ...this.#filter(id), limit: DELIVERY_PAGE, offset: this.#offset })
    if (request !== this.#request) return { items: this.#deliveries, total: this.#total }
    return page
  }

  async setStatusFilter(status: string | undefined): Promise<void> {
    this.#status = status
    this.#offset = 0
    await this.load(this.#campaign?.id ?? null)
  }

  async setSearch(search: string): Promise<void> {
    this.#search = search
    this.#offset = 0
    await this.load(this.#campaign?.id ?? null)
  }

  /** Shows the page starting at this row (clamped to the rows there are). */
  async showPage(offset: number): Promise<void> {
    const last = Math.max(0, Math.floor((this.#total - 1) / DELIVERY_PAGE) * DELIVERY_PAGE)
    this.#offset = Math.min(Math.max(0, offset), last)
    await this.load(this.#campaign?.id ?? null)
  }

  /** Every row matching the filter and search (not only this page), as a CSV file. */
  async exportDeliveries(): Promise<void> {
    const campaign = this.#campaign
    if (!campaign || this.#exporting) return
    this.#exporting = true
    this.#exportNote = null
    try {
      this.#exportNote = await exportCsv('campaign-deliveries-csv', this.#filter(campaign.id))
      this.#error = null
    } catch (error) {
      this.#error = messageOf(error, m.delivery_export_failed())
    } finally {
      this.#exporting = false
    }
  }

  async run(command: Command): Promise<void> {
    const campaign = this.#campaign
    if (!campaign || this.#busy) return
    this.#busy = true
    try {
      await act('campaign-command', { id: campaign.id, command })
      this.#error = null
    } catch (error) {
      this.#error = messageOf(error)
    } finally {
      this.#busy = false
    }
    await this.load(campaign.id)
  }

  async remove(): Promise<boolean> {
    const campaign = this.#campaign
    if (!campaign) return false
    try {
      await act('campaign-delete', { id: campaign.id })
      this.#campaign = null
      this.#deliveries = []
      return true
    } catch (error) {
      this.#error = messageOf(error)
      return false
    }
  }
}
