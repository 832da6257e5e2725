import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { contactPage, countMessageHits, normalizeForSearch, searchContacts, searchMessages, upsertMessages, type SnippetPart, type StoreDb } from '../../../src/main/core/store'
import { RANK_WINDOW } from '../../../src/main/core/store/queries/search'
import { foldForComparison, toMatchQuery } from '../../../src/main/core/store/search/normalize'
import { seedAccount } from './fixtures'
import { apiMessage, at, openTempStore } from './helpers'

const text = (parts: SnippetPart[]) => parts.map((p) => (p.match ? `[${p.text}]` : p.text)).join('')
const allMessages = (db: StoreDb) => db.all<{ serverId: number; content: string }>(sql`SELECT server_id AS serverId, content FROM messages WHERE content <> ''`)
// The words as the tokenizer reads them ('L* N* Co M*'), folded as it folds them.
const words = (content: string) => foldForComparison(content).split(/[^\p{L}\p{N}\p{Co}\p{M}]+/u).filter(Boolean)

describe('search normalisation', () => {
  it('folds Arabic spelling variants, diacritics and digits the same way for text and queries', () => {
    expect(normalizeForSearch('مُحَمَّد')).toBe('محمد')
    expect(normalizeForSearch('أحمد إبراهيم آمنة ٱلله')).toBe('احمد ابراهيم امنه الله')
    expect(normalizeForSearch('مستشفى مدرسة')).toBe('مستشفي مدرسه')
    expect(normalizeForSearch('جمـــيل')).toBe('جميل') // tatweel
    expect(normalizeForSearch('٠١٢٣ ۴۵۶')).toBe('0123 456')
    expect(normalizeForSearch('ﻻ ﬁle')).toBe('لا file') // NFKC: presentation forms, ligatures
  })

  it('turns what the user types into a safe all-words prefix query', () => {
    expect(toMatchQuery('  café  au ')).toBe('"café"* "au"*')
    expect(toMatchQuery('"OR" NEAR(x) *')).toBe('"OR"* "NEAR"* "x"*')
    expect(toMatchQuery('🙂 !!')).toBeNull()
  })
})

describe('message search', () => {
  it('finds Arabic with or without diacritics and alef/ta marbuta variants', () => {
    const { db } = openTempStore()
    seedAccount(db)
    // The message says "مُحَمَّد" with harakat; the user types it bare, and vice versa.
    expect(searchMessages(db, { query: 'محمد' }).map((h) => h.serverId)).toEqual([102])
    expect(searchMessages(db, { query: 'مُحَمَّد' }).map((h) => h.serverId)).toEqual([102])
    expect(searchMessages(db, { query: 'مدرسه' }).map((h) => h.serverId)).toEqual([301]) // written مدرسة
    expect(searchMessages(db, { query: 'اريد' }).map((h) => h.serverId)).toEqual([101]) // written أريد
  })

  it('finds Latin text with or without accents, any case, as a prefix while typing', () => {
    const { db } = openTempStore()
    seedAccount(db)
    expect(searchMessages(db, { query: 'cafe', order: 'newest' }).map((h) => h.serverId)).toEqual([501, 201])
    expect(searchMessages(db, { query: 'CAFÉ' }).map((h) => h.serverId).sort()).toEqual([201, 501])
    expect(searchMessages(db, { query: 'bonj' }).map((h) => h.serverId)).toEqual([201])
    expect(searchMessages(db, { query: 'caf sun' }).map((h) => h.serverId)).toEqual([201]) // every word
    expect(searchMessages(db, { query: '4521' }).map((h) => h.serverId)).toEqual([103]) // inside mixed RTL/LTR
    expect(searchMessages(db, { query: '☕' })).toEqual([])
  })

  it('finds words by their first one or two letters as they are typed, Latin and Arabic', () => {
    const { db } = openTempStore()
    seedAccount(db)
    upsertMessages(db, 2, [
      apiMessage({ id: 8001, contact_id: 2, direction: 'inbound', content: 'Order #77 is packed' }),
      apiMessage({ id: 8002, contact_id: 2, direction: 'inbound', content: 'مَرحباً، أين طلبي؟' }),
      apiMessage({ id: 8003, contact_id: 2, direction: 'inbound', content: 'إلغاء الطلب' }),
    ])
    const found = (query: string) => searchMessages(db, { query, limit: 100 }).map((h) => h.serverId)
    // Every message with a word starting so, none without: what FTS5 finds with no prefix index.
    for (const query of ['o', 'or', 'Ö', 'م', 'مر', 'ا', 'اي', 'إ', 'ط', 'طل']) {
      const expected = allMessages(db).filter((m) => words(m.content).some((w) => w.startsWith(foldForComparison(query)))).map((m) => m.serverId)
      expect(found(query).sort(), query).toEqual(expected.sort())
      expect(countMessageHits(db, { query }), query).toBe(expected.length)
    }
    expect(found('o')).toContain(8001)
    expect(found('مر')).toEqual([8002]) // written with harakat
    expect(found('ا')).toEqual(expect.arrayContaining([8002, 8003])) // أين, إلغاء, الطلب
    expect(found('q')).toEqual([])
  })

  it('ranks a search with more matches than one rank window in windows, and every page reaches each match once', () => {
    const { db } = openTempStore()
    seedAccount(db)
    const total = RANK_WINDOW + 130
    for (let from = 0; from < total; from += 100) {
      const contactId = (from / 100) % 3 + 1
      const page = Array.from({ length: Math.min(100, total - from) }, (_, i) =>
        apiMessage({ id: 20_000 + from + i, contact_id: contactId, direction: 'inbound', content: `kiwi ${'word '.repeat((from + i) % 7)}` }),
      )
      upsertMessages(db, contactId, page)
    }
    expect(countMessageHits(db, { query: 'ki' })).toBe(total)
    for (const filters of [{}, { contactId: 2 }]) {
      const expected = countMessageHits(db, { query: 'ki', ...filters })
      const seen: number[] = []
      for (let offset = 0; offset < expected + 50; offset += 70) seen.push(...searchMessages(db, { query: 'ki', ...filters, limit: 70, offset }).map((h) => h.rowId))
      expect(seen).toHaveLength(expected)
      expect(new Set(seen).size).toBe(expected)
    }
    // The first page is the newest window's best: its shortest messages.
    const first = searchMessages(db, { query: 'kiwi', limit: 50 })
    expect(first.every((h) => text(h.snippet).trim() === '[kiwi]')).toBe(true)
    expect(Math.min(...first.map((h) => h.serverId!))).toBeGreaterThanOrEqual(20_000 + total - RANK_WINDOW)
  })

  it('pages through many hits best first, each hit on one page only', () => {
    const { db } = openTempStore()
    seedAccount(db)
    // Forty messages with "invoice": the longer the message, the lower it ranks.
    const page = Array.from({ length: 40 }, (_, i) => apiMessage({ id: 9000 + i, direction: 'inbound', content: `invoice ${'word '.repeat(i)}` }))
    upsertMessages(db, 1, page)
    const pages = [0, 15, 30].map((offset) => searchMessages(db, { query: 'invoice', limit: 15, offset }).map((h) => h.serverId))
    expect(pages.map((p) => p.length)).toEqual([15, 15, 10])
    expect(new Set(pages.flat()).size).toBe(40)
    expect(pages[0]!.slice(0, 3)).toEqual([9000, 9001, 9002])
  })

  it('returns snippets of the message as written, with the matches marked', () => {
    const { db } = openTempStore()
    seedAccount(db)
    const [arabic] = searchMessages(db, { query: 'محمد' })
    // A message without its own channel is on its conversation's.
    expect(arabic).toMatchObject({ contactId: 1, contactName: 'مُحَمَّد الأحمد', direction: 'outbound', channel: 'whatsapp' })
    // The harakat and emoji are kept; the highlight covers the whole written word.
    expect(text(arabic!.snippet)).toBe('وعليكم السلام يا [مُحَمَّد] 🌙 الطلب في الطريق')
    const [latin] = searchMessages(db, { query: 'cafe', contactId: 2 })
    expect(text(latin!.snippet)).toBe('Bonjour! Is the [café] open on Sunday? ☕')
    expect(searchMessages(db, { query: 'cafe', contactId: 3 })).toEqual([])
  })
})

describe('message search: true counts, filters, one line per hit', () => {
  /** 130 messages with "invoice" over three channels and three days, beside the fixture's own. */
  function seedInvoices(db: Parameters<typeof seedAccount>[0]): void {
    seedAccount(db)
    for (const contactId of [1, 2, 3]) {
      const page = Array.from({ length: contactId === 1 ? 70 : 30 }, (_, i) =>
        apiMessage({ id: contactId * 10_000 + i, contact_id: contactId, direction: 'inbound', content: `invoice ${i}`, sent_at: at(i * 60), created_at: at(i * 60) }),
      )
      upsertMessages(db, contactId, page)
    }
  }

  it('counts every hit, not one page of them, and pages reach all of them', () => {
    const { db } = openTempStore()
    seedInvoices(db)
    expect(countMessageHits(db, { query: 'invoice' })).toBe(130)
    const seen = new Set<number>()
    for (let offset = 0; offset < 130; offset += 50) for (const h of searchMessages(db, { query: 'invoice', limit: 50, offset })) seen.add(h.rowId)
    expect(seen.size).toBe(130)
    expect(searchMessages(db, { query: 'invoice', limit: 50, offset: 130 })).toEqual([])
    expect(countMessageHits(db, { query: 'cafe' })).toBe(2)
    expect(countMessageHits(db, { query: '🙂' })).toBe(0)
  })

  it('filters by channel (the conversation’s where the message has none), contact and time range, counts the same way', () => {
    const { db } = openTempStore()
    seedInvoices(db)
    // Contact 1 is on WhatsApp, 2 on Instagram, 3 on Telegram (fixtures).
    expect(countMessageHits(db, { query: 'invoice', channel: 'whatsapp' })).toBe(70)
    expect(new Set(searchMessages(db, { query: 'invoice', channel: 'instagram', limit: 100 }).map((h) => h.contactId))).toEqual(new Set([2]))
    expect(countMessageHits(db, { query: 'invoice', contactId: 3 })).toBe(30)
    // Hours 0–23 of the first day: 24 per contact; the next day from hour 24 on.
    const day = Date.parse(at(0))
    const firstDay = { fromMs: day, toMs: day + 86_400_000 }
    expect(countMessageHits(db, { query: 'invoice', ...firstDay })).toBe(72)
    const hits = searchMessages(db, { query: 'invoice', ...firstDay, order: 'newest', limit: 100 })
    expect(hits).toHaveLength(72)
    for (const h of hits) expect(Date.parse(h.sentAt!)).toBeLessThan(firstDay.toMs)
    expect(countMessageHits(db, { query: 'invoice', channel: 'telegram', fromMs: day + 86_400_000 })).toBe(6)
    expect(countMessageHits(db, { query: 'invoice', channel: 'sms' })).toBe(0)
  })

  it('keeps a hit’s snippet to one line: the message’s line breaks become a visible mark', () => {
    const { db } = openTempStore()
    seedAccount(db)
    upsertMessages(db, 2, [apiMessage({ id: 7001, contact_id: 2, direction: 'inbound', content: 'Dear team,\n\n\nthe parcel\r\narrived\nthanks', sent_at: at(90) })])
    const [hit] = searchMessages(db, { query: 'parcel' })
    expect(text(hit!.snippet)).toBe('Dear team, ⏎ the [parcel] ⏎ arrived ⏎ thanks')
    expect(hit!.snippet.some((p) => /[\r\n]/.test(p.text))).toBe(false)
  })
})

describe('contact search', () => {
  it('finds contacts by name, phone digits or email, with or without diacritics', () => {
    const { db } = openTempStore()
    seedAccount(db)
    expect(searchContacts(db, { query: 'محمد' }).map((c) => c.id)).toEqual([1])
    expect(searchContacts(db, { query: 'الاحمد' }).map((c) => c.id)).toEqual([1]) // written الأحمد
    expect(searchContacts(db, { query: 'فاطمه' }).map((c) => c.id)).toEqual([3])
    expect(searchContacts(db, { query: 'zoe' }).map((c) => c.id)).toEqual([2])
    expect(searchContacts(db, { query: 'emil' }).map((c) => c.id)).toEqual([5])
    expect(searchContacts(db, { query: '96655' }).map((c) => c.id)).toEqual([1])
    expect(searchContacts(db, { query: '415' }).map((c) => c.id)).toEqual([4])
    expect(searchContacts(db, { query: 'example' }).map((c) => c.id).sort()).toEqual([2, 3, 4])
    // A hit in the name ranks above a hit in the email.
    expect(searchContacts(db, { query: 'cafe' }).map((c) => c.id)).toEqual([2])
    expect(contactPage(db, { search: 'محم' }).items.map((c) => c.name)).toEqual(['مُحَمَّد الأحمد'])
  })
})
