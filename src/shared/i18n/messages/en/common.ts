// Words many views share: buttons, states, times, sizes, channels.
import type { Formatter } from '../../formatter'

export const common = (f: Formatter) => ({
  common_try_again: 'Try again',
  common_cancel: 'Cancel',
  common_close: 'Close',
  common_saved: 'Saved.',
  common_starting: 'Starting…',
  common_loading: 'Loading…',
  common_something_wrong: 'Something went wrong. Try again.',
  common_no_core: 'SkyLight Desk could not reach its core.',
  common_unknown_method: 'This version of SkyLight Desk cannot do that yet.',
  time_never: 'never',
  time_just_now: 'just now',
  time_minutes_ago: (p: { n: number }) => `${f.n(p.n)} min ago`,
  time_hours_ago: (p: { n: number }) => `${f.n(p.n)} h ago`,
  size_bytes: (p: { n: number }) => `${f.n(p.n)} B`,
  size_kb: (p: { n: number }) => `${f.n(p.n, { maximumFractionDigits: 0 })} KB`,
  size_mb: (p: { n: number }) => `${f.n(p.n, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} MB`,
  channel_whatsapp: 'WhatsApp',
  channel_telegram: 'Telegram',
  channel_instagram: 'Instagram',
  channel_unknown: 'Unknown channel',
  csv_saved: (p: { rows: number; path: string }) => `Saved ${f.plural(p.rows, { one: `${f.n(p.rows)} row`, other: `${f.n(p.rows)} rows` })} to ${p.path}.`,
  csv_downloaded: (p: { file: string; rows: number }) => `Downloaded ${p.file} (${f.plural(p.rows, { one: `${f.n(p.rows)} row`, other: `${f.n(p.rows)} rows` })}).`,
  time_today: 'Today',
  time_yesterday: 'Yesterday',
  // The preview opens files from a thread as well as from the media library.
  media_open_failed: 'This file could not be opened.',
})
