// A thread as it is laid out: a separator where a new day begins, and the messages with a
// time on the last of each group — consecutive messages from the same side within a few
// minutes read as one burst and share the time shown under it.
import type { MessageItem } from '../../../shared/contract'
import { dayKey, dayLabel } from './zoned-time'

/** Messages further apart than this start a new group (and show their own time). */
export const GROUP_GAP_MS = 5 * 60_000

export type ThreadRow =
  | { kind: 'day'; key: string; label: string }
  | { kind: 'message'; key: number; message: MessageItem; showTime: boolean; firstOfGroup: boolean }

const side = (m: MessageItem) => (m.direction === 'outbound' ? 'out' : 'in')

/** When the message was written: sent, else created (a reply still waiting to go). */
export function messageTime(m: Pick<MessageItem, 'sentAt' | 'createdAt'>): number | null {
  const at = Date.parse(m.sentAt ?? m.createdAt ?? '')
  return Number.isNaN(at) ? null : at
}

/** `messages` oldest first, as shown. */
export function threadRows(messages: readonly MessageItem[], zone?: string, now = Date.now()): ThreadRow[] {
  const rows: ThreadRow[] = []
  const days = messages.map((m) => {
    const at = messageTime(m)
    return at === null ? null : dayKey(at, zone)
  })
  let lastDay: string | null = null
  for (const [i, message] of messages.entries()) {
    const day = days[i] ?? null
    if (day !== null && day !== lastDay) {
      rows.push({ kind: 'day', key: `day-${day}`, label: dayLabel(day, zone, now) })
      lastDay = day
    }
    const previous = messages[i - 1]
    const next = messages[i + 1]
    rows.push({
      kind: 'message',
      key: message.rowId,
      message,
      firstOfGroup: previous === undefined || !sameGroup(previous, message, days[i - 1] ?? null, day),
      showTime: next === undefined || !sameGroup(message, next, day, days[i + 1] ?? null),
    })
  }
  return rows
}

/** `b` follows `a` in the same burst: same side, same day, within a few minutes, both settled alike. */
function sameGroup(a: MessageItem, b: MessageItem, dayA: string | null, dayB: string | null): boolean {
  if (side(a) !== side(b) || dayA !== dayB) return false
  // A failed or waiting message shows its own mark and time.
  if (a.pending || b.pending || a.status === 'failed' || b.status === 'failed') return false
  const atA = messageTime(a)
  const atB = messageTime(b)
  return atA !== null && atB !== null && atB - atA >= 0 && atB - atA <= GROUP_GAP_MS
}
