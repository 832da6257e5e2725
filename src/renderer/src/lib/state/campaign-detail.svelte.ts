// One campaign: its numbers, the commands its status allows (queued when offline) and the
// per-contact delivery table, filtered by delivery status.
import type { CampaignDetail, DeliveryItem } from '../../../../shared/contract'
import { act, messageOf } from '../actions'
import { call, DeskError } from '../desk'
import { m } from '../i18n.svelte'

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
      return
    }
    try {
      const [campaign, deliveries] = await Promise.all([
        call('campaign-get', { id }),
        call('campaign-deliveries', { id, limit: 500, ...(this.#status ? { status: this.#status } : {}) }),
      ])
      this.#campaign = campaign
      this.#deliveries = deliveries.items
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

  async setStatusFilter(status: string | undefined): Promise<void> {
    this.#status = status
    await this.load(this.#campaign?.id ?? null)
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
