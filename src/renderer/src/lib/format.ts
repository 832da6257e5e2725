// How times, sizes and counts read in the views: short, in the chosen language and digits
// (lib/i18n.svelte.ts). Building an Intl formatter costs ~200 µs, using one ~1.5 µs, and a
// list formats a time per row: the formatters are made once per locale and options, then
// reused (src/shared/i18n/intl-cache.ts). Reading `locale` makes a template that calls
// these re-render when the language or digits change.
import { clearFormatCaches, dateFormat as cachedDateFormat, numberFormat } from '../../../shared/i18n/intl-cache'
import { locale, m } from './i18n.svelte'

const dayMs = 86_400_000

type DateOptions = Intl.DateTimeFormatOptions
const SHORT_CLOCK: DateOptions = { hour: '2-digit', minute: '2-digit' }
const WEEKDAY: DateOptions = { weekday: 'short' }
const DAY_MONTH: DateOptions = { day: 'numeric', month: 'short' }
const DAY_MONTH_YEAR: DateOptions = { day: 'numeric', month: 'short', year: 'numeric' }
const DATE_AND_TIME: DateOptions = { dateStyle: 'medium', timeStyle: 'short' }

// Formatters made for the system's default locale go stale when it changes.
if (typeof window !== 'undefined') window.addEventListener('languagechange', clearFormatCaches)

/** One formatter per locale (the chosen one by default) and set of options, made on first use. */
export function dateFormat(options: DateOptions, tag: string = locale.tag): Intl.DateTimeFormat {
  return cachedDateFormat(tag, options)
}

/** A count in the chosen locale and digits ("12,345", "١٢٬٣٤٥"). */
export function count(n: number): string {
  return numberFormat(locale.tag).format(n)
}

/** "14:05" today, "Mon" this week, "12 Mar" this year, else "12 Mar 2023". */
export function shortTime(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return ''
  const at = new Date(iso)
  if (Number.isNaN(at.getTime())) return ''
  const today = new Date(now)
  const sameDay =
    at.getFullYear() === today.getFullYear() && at.getMonth() === today.getMonth() && at.getDate() === today.getDate()
  if (sameDay) return dateFormat(SHORT_CLOCK).format(at)
  if (now - at.getTime() < 6 * dayMs && at.getTime() <= now) return dateFormat(WEEKDAY).format(at)
  if (at.getFullYear() === today.getFullYear()) return dateFormat(DAY_MONTH).format(at)
  return dateFormat(DAY_MONTH_YEAR).format(at)
}

export function fullTime(iso: string | null | undefined): string {
  if (!iso) return ''
  const at = new Date(iso)
  return Number.isNaN(at.getTime()) ? '' : dateFormat(DATE_AND_TIME).format(at)
}

/** "just now", "5 min ago", "3 h ago", else the short time. */
export function ago(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return m.time_never()
  const ms = now - new Date(iso).getTime()
  if (Number.isNaN(ms)) return m.time_never()
  if (ms < 60_000) return m.time_just_now()
  if (ms < 3_600_000) return m.time_minutes_ago({ n: Math.floor(ms / 60_000) })
  if (ms < dayMs) return m.time_hours_ago({ n: Math.floor(ms / 3_600_000) })
  return shortTime(iso, now)
}

export function fileSize(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return ''
  if (bytes < 1024) return m.size_bytes({ n: bytes })
  if (bytes < 1024 * 1024) return m.size_kb({ n: bytes / 1024 })
  return m.size_mb({ n: bytes / 1024 / 1024 })
}

export function channelLabel(type: string | null | undefined): string {
  if (!type) return m.channel_unknown()
  if (type === 'whatsapp') return m.channel_whatsapp()
  if (type === 'telegram') return m.channel_telegram()
  if (type === 'instagram') return m.channel_instagram()
  return type
}
