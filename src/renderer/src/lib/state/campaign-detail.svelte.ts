// One campaign: its numbers, the commands its status allows (queued when offline) and the
// per-contact delivery table, filtered by delivery status.
import type { CampaignDetail, DeliveryItem } from '../../../../shared/contract'
import { act, messageOf } from '../actions'
import { call } from '../desk'

export type Command = 'start' | 'pause' | 'resume' | 'cancel'

export const commandLabels: Record<Command, string> = { start: 'Start', pause: 'Pause', resume: 'Resume', cancel: 'Cancel campaign' }

/** What SkyLight allows from each status (a draft is deleted rather than cancelled). */
export function commandsFor(status: string): Command[] {
  switch (status) {
    case 'draft':
      return ['start']
    case 'running':
      return ['pause', 'cancel']
    case 'paused':
      return ['resume', 'cancel']
    default:
      return []
  }
}

export class CampaignDetailState {
  #campaign = $state.raw<CampaignDetail | null>(null)
  #deliveries = $state.raw<DeliveryItem[]>([])
  #status = $state<string | undefined>()
  #error = $state<string | null>(null)
  #busy = $state(false)

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
  readonly commands: Command[] = $derived(this.#campaign ? commandsFor(this.#campaign.status) : [])

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
      this.#error = messageOf(error, 'This campaign could not be read.')
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
      return true
    } catch (error) {
      this.#error = messageOf(error)
      return false
    }
  }
}
