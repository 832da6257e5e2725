// What the core says about this computer's copy of the account: the local store's errors,
// a full disk, and saving an export.
import type { Formatter } from '../../formatter'

const things: Partial<Record<string, string>> = {
  contact: 'Contact',
  campaign: 'Campaign',
  booking: 'Booking',
  ticket: 'Ticket',
  media: 'Media file',
  'web-chat-session': 'Web chat session',
  'kb-entry': 'Knowledge base entry',
  message: 'Message',
  'ai-agent': 'AI agent',
  product: 'Product',
  list: 'List',
  segment: 'Segment',
  tag: 'Tag',
  note: 'Note',
  webhook: 'Webhook',
  teamMember: 'Team member',
  conversation: 'Conversation',
}

export const store = (_f: Formatter) => ({
  store_damaged: (p: { path: string }) =>
    `The local copy of this account (${p.path}) is damaged. Rebuild it from SkyLight in Settings → Accounts: queued actions that can still be read are kept.`,
  store_damaged_in_use: 'The local copy of this account turned out to be damaged. Restart SkyLight Desk: it checks the copy as it starts and offers to rebuild it from SkyLight.',
  store_locked: (p: { path: string }) => `The local data file ${p.path} is in use by another program, probably another SkyLight Desk window. Close it and try again.`,
  store_read_only: (p: { path: string }) =>
    `SkyLight Desk cannot write to ${p.path}. Check that the file and its folder are not read-only and that your user may change them.`,
  store_disk_full_open: (p: { path: string }) => `Your disk is full, so SkyLight Desk cannot open ${p.path}. Free some space on it and try again.`,
  store_cannot_open: (p: { path: string }) =>
    `SkyLight Desk cannot open ${p.path}. Check that the folder exists, is reachable (not an unplugged or network drive) and that your user may use it.`,
  store_too_new: 'This account’s local data was saved by a newer version of SkyLight Desk. Update SkyLight Desk to open it.',
  disk_full: (p: { what: string }) => `Your disk is full, so SkyLight Desk could not save ${p.what}. Free some space on it and try again.`,
  disk_full_action: 'Your disk is full, so SkyLight Desk could not save what happened to this action. Free some space on it and it will be tried again.',
  disk_what_change: 'your change',
  disk_what_settings: 'your settings',
  disk_what_accounts: 'the list of your accounts',
  disk_what_upload_copy: (p: { name: string }) => `a copy of “${p.name}” for upload`,
  export_not_an_export: (p: { method: string }) => `Not an export: ${p.method}`,
  export_disk_full: 'The export was not saved: the disk is full. Free some space or choose another disk.',
  export_not_allowed: 'The export was not saved: SkyLight Desk may not write there. Choose another place and try again.',
  export_not_written: 'The export was not saved: the file could not be written. Choose another place and try again.',
  store_not_found: (p: { what: string }) =>
    `${p.what} is not in the local copy of this account. It may have been deleted; syncing again will bring back anything that still exists.`,
  /** A row by its entity's name and id ("Contact 12"); `noun` words an entity this list lacks. */
  store_thing: (p: { kind: string; id: number | string; noun?: string }) => {
    const word = things[p.kind] ?? p.noun ?? p.kind
    return `${word.charAt(0).toUpperCase()}${word.slice(1)} ${p.id}`
  },
  store_that_message: 'That message',
  store_account_profile: 'The account profile',
  store_the_account: 'The account',
})
