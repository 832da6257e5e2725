// How times, sizes and counts read in the views: short, in the user's locale.

const dayMs = 86_400_000

/** "14:05" today, "Mon" this week, "12 Mar" this year, else "12 Mar 2023". */
export function shortTime(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return ''
  const at = new Date(iso)
  if (Number.isNaN(at.getTime())) return ''
  const today = new Date(now)
  if (at.toDateString() === today.toDateString()) return at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
  if (now - at.getTime() < 6 * dayMs && at.getTime() <= now) return at.toLocaleDateString(undefined, { weekday: 'short' })
  if (at.getFullYear() === today.getFullYear()) return at.toLocaleDateString(undefined, { day: 'numeric', month: 'short' })
  return at.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' })
}

export function fullTime(iso: string | null | undefined): string {
  if (!iso) return ''
  const at = new Date(iso)
  return Number.isNaN(at.getTime()) ? '' : at.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
}

/** "just now", "5 min ago", "3 h ago", else the short time. */
export function ago(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return 'never'
  const ms = now - new Date(iso).getTime()
  if (Number.isNaN(ms)) return 'never'
  if (ms < 60_000) return 'just now'
  if (ms < 3_600_000) return `${Math.floor(ms / 60_000)} min ago`
  if (ms < dayMs) return `${Math.floor(ms / 3_600_000)} h ago`
  return shortTime(iso, now)
}

export function fileSize(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return ''
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`
}

export const channelLabels: Record<string, string> = { whatsapp: 'WhatsApp', telegram: 'Telegram', instagram: 'Instagram' }

export function channelLabel(type: string | null | undefined): string {
  return type ? (channelLabels[type] ?? type) : 'Unknown channel'
}
