// What the core and the shell say: the application menu, desktop notifications, the
// dispatcher's general errors. The core is told the language (it keeps the setting).
import type { Formatter } from '../../formatter'

export const core = (f: Formatter) => ({
  menu_view: 'View',
  menu_open_log_folder: 'Open Log Folder',
  notify_new_message: 'New message',
  notify_sent_you_message: 'Sent you a message',
  notify_kb_entry: 'An entry',
  notify_kb_updated: 'Knowledge base updated',
  notify_kb_ready: (p: { name: string }) => `“${p.name}” is processed and ready for your AI agents.`,
  notify_kb_failed: 'Knowledge base entry failed',
  notify_kb_failed_body: (p: { name: string; error: string }) => `“${p.name}” could not be processed. ${p.error}`.trim(),
  notify_unread: (p: { n: number }) => f.plural(p.n, { one: `${f.n(p.n)} unread message`, other: `${f.n(p.n)} unread messages` }),
  notify_channel_dropped: (p: { name: string }) => `${p.name} is no longer connected`,
  notify_channel_credentials: 'It needs signing in again.',
  notify_channel_waits: 'Messages on it wait until it is connected again.',
  notify_channel_reconnect: (p: { why: string }) => `${p.why} Open Account › Channels to reconnect.`,
  core_internal_error: 'Something went wrong inside SkyLight Desk. The details are in the log.',
  core_settings_damaged: 'Your settings file was damaged, so SkyLight Desk is using its default settings. Check them in Settings.',
  core_settings_damaged_kept: (p: { file: string }) =>
    `Your settings file was damaged, so SkyLight Desk is using its default settings (the damaged file was kept as ${p.file}). Check them in Settings.`,
  error_refused: (p: { where: string }) =>
    `Could not connect to SkyLight at ${p.where}: the connection was refused. Check your internet connection and the server address.`,
  error_not_found_host: (p: { host: string }) => `Could not find ${p.host}. Check your internet connection and the server address.`,
  error_timeout: (p: { where: string; seconds: number }) => `SkyLight at ${p.where} did not answer within ${f.n(p.seconds)} s.`,
  error_too_large: (p: { where: string }) => `SkyLight at ${p.where} sent an answer too large to read.`,
  error_interrupted: (p: { where: string; code: string }) => `The connection to SkyLight at ${p.where} was interrupted${p.code ? ` (${p.code})` : ''}.`,
  error_media_offline: 'This file is not on this computer yet, and SkyLight cannot be reached to fetch it. Try again when you are online.',
  error_media_too_large: (p: { mb: number }) =>
    `This file is larger than ${f.n(p.mb, { maximumFractionDigits: 1 })} MB, more than SkyLight Desk downloads. Open it from your SkyLight dashboard instead.`,
  error_action_failed: (p: { reason: string }) => `SkyLight Desk could not carry out this action: ${p.reason}`,
  error_newer_action: (p: { kind: string }) =>
    `This queued action (${p.kind}) comes from a newer version of SkyLight Desk. Update SkyLight Desk to carry it out, or discard it.`,
  error_ambiguous_match:
    'SkyLight now has a matching record, but SkyLight Desk cannot tell whether it is this one (its answer was lost) or an identical one made by someone else. Mark it as done if it is; retry to send it anyway.',
  upload_bad_type: (p: { name: string; types: string }) => `“${p.name}” can't be uploaded: SkyLight accepts ${p.types} files.`,
  upload_too_big: (p: { name: string; mb: number }) =>
    `“${p.name}” is ${f.n(p.mb, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} MB; SkyLight accepts files up to ${f.n(50)} MB.`,
  upload_empty: (p: { name: string }) => `“${p.name}” is empty.`,
  upload_not_kind: (p: { name: string; expected: string }) => `“${p.name}” is not ${p.expected}: its content is not a picture or video SkyLight accepts.`,
  upload_misnamed: (p: { name: string; expected: string; found: string; extension: string }) =>
    `“${p.name}” is named like ${p.expected} but its content is ${p.found}; rename it to .${p.extension} and try again.`,
  start_not_synced: 'The draft has not reached SkyLight yet. It can be started once it has (when you are back online).',
  start_no_recipients: 'It has no recipients: choose contacts, lists or segments (blacklisted contacts are left out).',
  start_no_channel: 'Its channel is not one of this account’s channels: choose a channel.',
  start_channel_down: (p: { channel: string }) => `Its channel (${p.channel}) is not connected: connect it in SkyLight first.`,
  format_jpeg: 'a JPEG image',
  format_png: 'a PNG image',
  format_gif: 'a GIF image',
  format_iso_media: 'an MP4 or MOV video',
  format_avi: 'an AVI video',
  format_asf: 'a WMV video',
  format_flv: 'an FLV video',
  format_ebml: 'a WebM video',
})
