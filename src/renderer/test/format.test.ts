// Times and counts as the views show them, and the formatters behind them made once: a list
// formats a time per row, and building an Intl formatter costs a hundred times using one.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ago, count, fullTime, shortTime } from '../src/lib/format'
import { m } from '../src/lib/i18n.svelte'

afterEach(() => vi.restoreAllMocks())

const now = Date.parse('2026-12-02T15:30:00')

describe('times', () => {
  it('read as a clock today, a weekday this week, a date otherwise', () => {
    expect(shortTime('2026-12-02T09:05:00', now)).toBe(new Date('2026-12-02T09:05:00').toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }))
    expect(shortTime('2026-11-30T09:05:00', now)).toBe(new Date('2026-11-30T09:05:00').toLocaleDateString(undefined, { weekday: 'short' }))
    expect(shortTime('2026-03-12T09:05:00', now)).toBe(new Date('2026-03-12T09:05:00').toLocaleDateString(undefined, { day: 'numeric', month: 'short' }))
    expect(shortTime('2023-03-12T09:05:00', now)).toBe(
      new Date('2023-03-12T09:05:00').toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' }),
    )
    expect(shortTime('not a time', now)).toBe('')
    expect(ago('2026-12-02T15:25:00', now)).toBe('5 min ago')
    expect(fullTime('2026-12-02T09:05:00')).toBe(new Date('2026-12-02T09:05:00').toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }))
  })

  it('reuse their formatters instead of building one per call', () => {
    // Warm: every formatter the calls below need exists once this has run.
    for (const iso of ['2026-12-02T09:05:00', '2026-11-30T09:05:00', '2026-03-12T09:05:00', '2023-03-12T09:05:00']) shortTime(iso, now)
    fullTime('2026-12-02T09:05:00')
    m.contacts_count({ n: 12_345 })
    const dates = vi.spyOn(Intl, 'DateTimeFormat')
    const numbers = vi.spyOn(Intl, 'NumberFormat')
    const toLocale = vi.spyOn(Date.prototype, 'toLocaleDateString')
    for (let i = 0; i < 100; i++) {
      shortTime('2026-12-02T09:05:00', now)
      shortTime('2026-11-30T09:05:00', now)
      shortTime('2026-03-12T09:05:00', now)
      fullTime('2026-12-02T09:05:00')
      m.contacts_count({ n: i })
      count(i)
    }
    expect(dates).not.toHaveBeenCalled()
    expect(numbers).not.toHaveBeenCalled()
    expect(toLocale).not.toHaveBeenCalled()
  })
})
