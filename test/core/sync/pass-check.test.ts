// The page checks a deletion pass relies on, against the list's own numbers.
import { describe, expect, it } from 'vitest'
import { checkPage } from '../../../src/main/core/sync/pass-check'

const page = (items: number, meta: { page: number; lastPage: number; total: number; perPage?: number; skipped?: number }) => ({
  items: Array.from({ length: items }, (_, i) => i),
  page: meta.page,
  lastPage: meta.lastPage,
  total: meta.total,
  perPage: meta.perPage ?? 100,
  skipped: meta.skipped ?? 0,
})

describe('checkPage', () => {
  it('accepts full middle pages and a last page as long as the total says', () => {
    expect(checkPage(1, page(100, { page: 1, lastPage: 3, total: 250 }), 100, 'contacts', 300).ok).toBe(true)
    expect(checkPage(3, page(50, { page: 3, lastPage: 3, total: 250 }), 100, 'contacts', 0).ok).toBe(true)
    expect(checkPage(1, page(0, { page: 1, lastPage: 1, total: 0 }), 100, 'contacts', 0).ok).toBe(true)
  })

  it('refuses a short or empty middle page, a short last page, and an empty list where rows are stored', () => {
    expect(checkPage(2, page(0, { page: 2, lastPage: 3, total: 250 }), 100, 'contacts', 0)).toMatchObject({ ok: false })
    expect(checkPage(3, page(20, { page: 3, lastPage: 3, total: 250 }), 100, 'contacts', 0)).toMatchObject({ ok: false })
    expect(checkPage(1, page(0, { page: 1, lastPage: 1, total: 0 }), 100, 'contacts', 60)).toMatchObject({ ok: false, reason: expect.stringMatching(/no contacts, though 60/) })
  })

  it('counts items dropped to validation as read (the pass handles them apart) and measures pages by a capped page size', () => {
    expect(checkPage(2, page(0, { page: 2, lastPage: 3, total: 250, skipped: 100 }), 100, 'contacts', 0).ok).toBe(true)
    expect(checkPage(1, page(50, { page: 1, lastPage: 5, total: 250, perPage: 50 }), 100, 'contacts', 300).ok).toBe(true)
  })
})
