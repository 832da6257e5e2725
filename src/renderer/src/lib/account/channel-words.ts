// A channel's state in words a user understands, with what to do about it. The API's
// sync_status values (docs: rest-api/channels) are technical; these are what the Account
// area, the inbox and the campaign editor say, in the interface's language.
import { m } from '../i18n.svelte'

export type Tone = 'ok' | 'warn' | 'danger' | 'muted'

export interface ChannelWords {
  label: string
  tone: Tone
  /** What to do next; empty when nothing needs doing. */
  advice: string
}

const channelNames: Record<string, () => string> = { whatsapp: m.channel_whatsapp, telegram: m.channel_telegram, instagram: m.channel_instagram }

export function channelName(type: string): string {
  return channelNames[type]?.() ?? type
}

export function channelWords(c: { isConnected: boolean; syncStatus: string | null }): ChannelWords {
  switch (c.syncStatus) {
    case 'OK':
    case 'SYNC_SUCCESS':
      return c.isConnected
        ? { label: m.channels_state_connected(), tone: 'ok', advice: '' }
        : { label: m.channels_state_not_connected(), tone: 'muted', advice: m.channels_advice_connect() }
    case 'CONNECTING':
      return { label: m.channels_state_connecting(), tone: 'warn', advice: m.channels_advice_connecting() }
    case 'CREDENTIALS':
      return { label: m.channels_state_credentials(), tone: 'danger', advice: m.channels_advice_credentials() }
    case 'ERROR':
      return { label: m.channels_state_error(), tone: 'danger', advice: m.channels_advice_error() }
    case 'STOPPED':
      return c.isConnected
        ? { label: m.channels_state_paused(), tone: 'warn', advice: m.channels_advice_paused() }
        : { label: m.channels_state_not_connected(), tone: 'muted', advice: m.channels_advice_connect() }
    case 'CREATION_FAIL':
      return { label: m.channels_state_failed(), tone: 'danger', advice: m.channels_advice_failed() }
    default:
      return c.isConnected
        ? { label: m.channels_state_connected(), tone: 'ok', advice: '' }
        : { label: m.channels_state_not_connected(), tone: 'muted', advice: m.channels_advice_connect() }
  }
}

/** What stops when a channel is disconnected, said before the user confirms. */
export function disconnectWarning(type: string): string {
  return m.channels_disconnect_warning({ name: channelName(type) })
}
