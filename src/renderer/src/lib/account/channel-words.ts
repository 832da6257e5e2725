// A channel's state in words a user understands, with what to do about it. The API's
// sync_status values (docs: rest-api/channels) are technical; these are what the Account
// area, the inbox and the campaign editor say.

export type Tone = 'ok' | 'warn' | 'danger' | 'muted'

export interface ChannelWords {
  label: string
  tone: Tone
  /** What to do next; empty when nothing needs doing. */
  advice: string
}

export const channelNames: Record<string, string> = { whatsapp: 'WhatsApp', telegram: 'Telegram', instagram: 'Instagram' }

export function channelName(type: string): string {
  return channelNames[type] ?? type
}

export function channelWords(c: { isConnected: boolean; syncStatus: string | null }): ChannelWords {
  switch (c.syncStatus) {
    case 'OK':
    case 'SYNC_SUCCESS':
      return c.isConnected
        ? { label: 'Connected', tone: 'ok', advice: '' }
        : { label: 'Not connected', tone: 'muted', advice: 'Connect it to send and receive messages on it.' }
    case 'CONNECTING':
      return { label: 'Connecting…', tone: 'warn', advice: 'SkyLight is setting the account up. This can take a minute; refresh to check again.' }
    case 'CREDENTIALS':
      return { label: 'Needs signing in again', tone: 'danger', advice: 'The password was changed on the phone or in the app. Connect again to restore it.' }
    case 'ERROR':
      return { label: 'Not working', tone: 'danger', advice: 'Refresh first; if it stays like this, disconnect and connect again.' }
    case 'STOPPED':
      return c.isConnected
        ? { label: 'Paused', tone: 'warn', advice: 'Messages are not going out on it. Refresh, or disconnect and connect again.' }
        : { label: 'Not connected', tone: 'muted', advice: 'Connect it to send and receive messages on it.' }
    case 'CREATION_FAIL':
      return { label: 'Connection failed', tone: 'danger', advice: 'The code was not scanned in time or was refused. Show a new code and scan it again.' }
    default:
      return c.isConnected
        ? { label: 'Connected', tone: 'ok', advice: '' }
        : { label: 'Not connected', tone: 'muted', advice: 'Connect it to send and receive messages on it.' }
  }
}

/** What stops when a channel is disconnected, said before the user confirms. */
export function disconnectWarning(type: string): string {
  const name = channelName(type)
  return `Messages to and from ${name} contacts stop until you connect it again, and campaigns that send on ${name} cannot send.`
}
