import { describe, expect, it } from 'vitest'
import { contactPage, normalizeForSearch, searchContacts, searchMessages, upsertMessages, type SnippetPart } from '../../../src/main/core/store'
import { toMatchQuery } from '../../../src/main/core/store/search/normalize'
import { seedAccount } from './fixtures'
import { apiMessage, openTempStore } from './helpers'

const text = (parts: SnippetPart[]) => parts.map((p) => (p.match ? `[${p.text}]` : p.text)).join('')

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
    expect(arabic).toMatchObject({ contactId: 1, contactName: 'مُحَمَّد الأحمد', direction: 'outbound', channel: null })
    // The harakat and emoji are kept; the highlight covers the whole written word.
    expect(text(arabic!.snippet)).toBe('وعليكم السلام يا [مُحَمَّد] 🌙 الطلب في الطريق')
    const [latin] = searchMessages(db, { query: 'cafe', contactId: 2 })
    expect(text(latin!.snippet)).toBe('Bonjour! Is the [café] open on Sunday? ☕')
    expect(searchMessages(db, { query: 'cafe', contactId: 3 })).toEqual([])
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
