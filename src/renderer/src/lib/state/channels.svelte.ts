// The account's channels (its WhatsApp numbers, Telegram bots…): the inbox filters by their
// types, a campaign goes out through one (campaign-editor.svelte.ts).
import type { ChannelItem } from '../../../../shared/contract'
import { call } from '../desk'

export class ChannelsState {
  #items = $state.raw<ChannelItem[]>([])

  get items(): ChannelItem[] {
    return this.#items
  }

  /** Reads them again; a failure keeps the last ones read and goes to the caller, to show. */
  async load(): Promise<void> {
    this.#items = (await call('channels-list', {})).channels
  }
}
