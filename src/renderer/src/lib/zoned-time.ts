// Times read in one timezone: the account's when it has one (its customers and its team
// live by it), else the computer's. Days ("Today", "Yesterday") are days in that zone too,
// and a date range picked in a filter starts and ends at that zone's midnight.
import { dateFormat as cachedDateFormat } from '../../../shared/i18n/intl-cache'
import { locale, m } from './i18n.svelte'

/** A formatter in the chosen locale (or `tag`), made once and reused (see lib/format.ts). */
const dateFormat = (options: Intl.DateTimeFormatOptions, tag: string = locale.tag): Intl.DateTimeFormat => cachedDateFormat(tag, options)

/** The zone when Intl knows it; undefined (the computer's) otherwise. */
export function usableZone(zone: string | null | undefined): string | undefined {
  if (!zone) return undefined
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return zone
  } catch {
    return undefined
  }
}

function parse(iso: string | null | undefined): Date | null {
  if (!iso) return null
  const at = new Date(iso)
  return Number.isNaN(at.getTime()) ? null : at
}

// A list names each row's day, and today's, on every render: formatToParts costs tens of
// µs in Chromium, so a day once read is kept (an instant's day in a zone never changes).
const dayKeys = new Map<string, string>()
const MOST_DAY_KEYS = 5_000

/** The calendar day of an instant in the zone, as "YYYY-MM-DD" (sorts and compares as text). */
export function dayKey(at: Date | number, zone?: string): string {
  const ms = typeof at === 'number' ? at : at.getTime()
  const cacheKey = `${zone ?? ''}|${ms}`
  const known = dayKeys.get(cacheKey)
  if (known !== undefined) return known
  const parts = dateFormat({ year: 'numeric', month: '2-digit', day: '2-digit', ...(zone ? { timeZone: zone } : {}) }, 'en-CA').formatToParts(at)
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00'
  const key = `${part('year')}-${part('month')}-${part('day')}`
  if (dayKeys.size >= MOST_DAY_KEYS) dayKeys.clear()
  dayKeys.set(cacheKey, key)
  return key
}

/** Today in the zone, read once a minute (a list asks it for every row). */
let todayCache: { zone: string | undefined; minute: number; key: string } | null = null
function todayKey(now: number, zone?: string): string {
  const minute = Math.floor(now / 60_000)
  if (todayCache === null || todayCache.zone !== zone || todayCache.minute !== minute) todayCache = { zone, minute, key: dayKey(minute * 60_000, zone) }
  return todayCache.key
}

/** "14:05", in the zone. */
export function clockTime(iso: string | null | undefined, zone?: string): string {
  const at = parse(iso)
  return at ? dateFormat({ hour: '2-digit', minute: '2-digit', ...(zone ? { timeZone: zone } : {}) }).format(at) : ''
}

/**
 * A list's short time, in the zone: "14:05" today, "Mon" within the week, "12 Mar" this
 * year, else "12 Mar 2023" — so the inbox and the thread read the same clock.
 */
export function zonedShortTime(iso: string | null | undefined, zone?: string, now = Date.now()): string {
  const at = parse(iso)
  if (!at) return ''
  const tz = zone ? { timeZone: zone } : {}
  const day = dayKey(at, zone)
  const today = todayKey(now, zone)
  if (day === today) return dateFormat({ hour: '2-digit', minute: '2-digit', ...tz }).format(at)
  if (at.getTime() <= now && day > shiftDay(today, -6)) return dateFormat({ weekday: 'short', ...tz }).format(at)
  if (day.slice(0, 4) === today.slice(0, 4)) return dateFormat({ day: 'numeric', month: 'short', ...tz }).format(at)
  return dateFormat({ day: 'numeric', month: 'short', year: 'numeric', ...tz }).format(at)
}

/** Date and time in full, in the zone (a tooltip). */
export function fullZonedTime(iso: string | null | undefined, zone?: string): string {
  const at = parse(iso)
  return at ? dateFormat({ dateStyle: 'full', timeStyle: 'short', ...(zone ? { timeZone: zone } : {}) }).format(at) : ''
}

/** A day separator's words: "Today", "Yesterday", "Monday 3 March", with the year when not this one. */
export function dayLabel(key: string, zone?: string, now = Date.now()): string {
  const today = todayKey(now, zone)
  if (key === today) return m.time_today()
  if (key === shiftDay(today, -1)) return m.time_yesterday()
  // Noon UTC of that day names the same calendar day in every zone.
  const noon = new Date(`${key}T12:00:00Z`)
  const sameYear = key.slice(0, 4) === today.slice(0, 4)
  const options: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC', ...(sameYear ? {} : { year: 'numeric' }) }
  return dateFormat(options).format(noon)
}

/** The day `days` after "YYYY-MM-DD" (negative: before). */
export function shiftDay(key: string, days: number): string {
  const at = new Date(`${key}T12:00:00Z`)
  at.setUTCDate(at.getUTCDate() + days)
  return at.toISOString().slice(0, 10)
}

/** How far the zone's clock is ahead of UTC at an instant, in ms. */
function zoneOffsetMs(at: number, zone?: string): number {
  const parts = dateFormat(
    { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', ...(zone ? { timeZone: zone } : {}) },
    'en-CA',
  ).formatToParts(at)
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0)
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'))
  return asUtc - Math.floor(at / 1000) * 1000
}

/** The instant a "YYYY-MM-DD" day begins in the zone (its midnight), in epoch ms; null if not a date. */
export function dayStartMs(key: string, zone?: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key)
  if (!match) return null
  const midnightUtc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
  if (Number.isNaN(midnightUtc)) return null
  // Twice: the offset at the first guess may differ from the offset at the true midnight
  // (a day that begins just after a daylight-saving change).
  let at = midnightUtc - zoneOffsetMs(midnightUtc, zone)
  at = midnightUtc - zoneOffsetMs(at, zone)
  return at
}
