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
})
