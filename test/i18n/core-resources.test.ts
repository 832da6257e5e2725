// What the core says about the knowledge base, voice samples and catalogs is worded in the
// language it was told when it says it (English by default, as every other test expects).
import { afterEach, describe, expect, it } from 'vitest'
import { useLanguage } from '../../src/main/core/language'
import { readCatalog } from '../../src/main/core/knowledge/catalog-file'
import { createTicketAction } from '../../src/main/core/outbox/actions/create-ticket'
import { teamMemberFields } from '../../src/main/core/outbox/actions/team-fields'
import { checkKbFile } from '../../src/main/core/skylight/kb-rules'
import { checkVoiceSample } from '../../src/main/core/skylight/voice-rules'

afterEach(() => useLanguage({ language: 'en', digits: 'latin' }))

describe('the core’s words for the desk resources', () => {
  it('are English by default', () => {
    const names = {} as Parameters<typeof createTicketAction.summary>[1]
    expect(createTicketAction.summary({ subject: 'Invoice', body: 'x', priority: 'medium', localId: -1 }, names)).toBe('Open ticket “Invoice”')
    expect(checkKbFile('photo.png', 10)).toEqual({
      ok: false,
      reason: '“photo.png” can\'t be added: the knowledge base takes documents (pdf, docx, xlsx, txt, csv) and audio (mp3, wav, m4a, ogg, webm).',
    })
    expect(readCatalog('list.csv', 'name,price\nTea,abc\n').problems).toEqual([{ row: 1, reason: 'Its price “abc” is not a number.' }])
  })

  it('are Arabic, with its digits, once the core is told so', () => {
    useLanguage({ language: 'ar', digits: 'arabic' })
    expect(checkVoiceSample('talk.mp3', 11 * 1024 * 1024)).toEqual({
      ok: false,
      reason: 'حجم «talk.mp3» ١١٫٠ م.ب؛ ويمكن أن تصل العينة الصوتية إلى ١٠ م.ب (دقيقة أو دقيقتان من الكلام).',
    })
    expect(checkKbFile('empty.pdf', 0)).toEqual({ ok: false, reason: '«empty.pdf» فارغ.' })
    expect(() => readCatalog('list.json', 'not json')).toThrow('هذا الملف ليس JSON صالحًا')
    const member = teamMemberFields.safeParse({ name: ' ', email: 'layla@', role: 'owner' })
    expect(member.success ? [] : member.error.issues.map((i) => i.message)).toEqual(['أدخل اسم العضو.', 'أدخل عنوان بريد إلكتروني صالحًا.', 'اختر دورًا: مشرف أو موظف.'])
    const ticket = createTicketAction.payload.schema.safeParse({ subject: 'x'.repeat(256), body: 'Help', localId: -1 })
    expect(ticket.success ? [] : ticket.error.issues.map((i) => i.message)).toEqual(['الموضوع: ٢٥٥ حرفًا كحد أقصى.'])
    const names = {} as Parameters<typeof createTicketAction.summary>[1]
    expect(createTicketAction.summary({ subject: 'الفاتورة', body: 'x', priority: 'medium', localId: -1 }, names)).toBe('فتح التذكرة «الفاتورة»')
  })
})
