// The core is told the language: what it says to the user — outbox summaries, its general
// error, the shell's menu and notifications — comes in the chosen language, and in English
// when nothing was chosen (tests and scripts).
import { afterEach, describe, expect, it } from 'vitest'
import { appMenuTemplate } from '../../src/main/app-menu'
import { badgeFor, notificationFor } from '../../src/main/attention-rules'
import { createDispatcher } from '../../src/main/core/contract/dispatch'
import { setSystemLocale, t, useLanguage } from '../../src/main/core/language'
import { campaignCommandAction } from '../../src/main/core/outbox/actions/campaign-command'
import type { Names } from '../../src/main/core/outbox/actions/define'
import { createListAction, createTagAction } from '../../src/main/core/outbox/actions/create-group'
import { renameSegmentAction } from '../../src/main/core/outbox/actions/rename-group'
import { deleteListAction } from '../../src/main/core/outbox/actions/delete-group'
import { sendMessageAction } from '../../src/main/core/outbox/actions/send-message'
import { diskFullError } from '../../src/main/core/outbox/attempt'
import { runtimeError } from '../../src/main/core/store/errors'
import { checkPage, incompleteMessage } from '../../src/main/core/sync/pass-check'
import { checkUpload } from '../../src/main/core/skylight/media-rules'
import type { Handlers } from '../../src/shared/contract'

const names: Names = (entity, id) => (entity === 'contact' ? '“Noura”' : entity === 'campaign' ? '“Spring sale”' : `${entity} ${id}`)

afterEach(() => {
  setSystemLocale(undefined)
  useLanguage({ language: 'system', digits: 'latin' })
})

describe('the core’s language', () => {
  it('is English unless told otherwise', () => {
    useLanguage({ language: 'system', digits: 'latin' })
    expect(sendMessageAction.summary({ contactId: 1, text: 'Hello' }, names)).toBe('Send “Hello” to “Noura”')
  })

  it('follows the setting, and the system locale the shell reports for "system"', () => {
    setSystemLocale('ar-SA')
    useLanguage({ language: 'system', digits: 'latin' })
    expect(t().notify_new_message()).toBe('رسالة جديدة')
    useLanguage({ language: 'en', digits: 'latin' })
    expect(t().notify_new_message()).toBe('New message')
  })

  it('words outbox summaries in Arabic, with Arabic quotation marks', () => {
    useLanguage({ language: 'ar', digits: 'latin' })
    expect(sendMessageAction.summary({ contactId: 1, text: 'مرحبا' }, names)).toBe('إرسال «مرحبا» إلى “Noura”')
    expect(campaignCommandAction.summary({ campaignId: 1, command: 'pause' } as never, names)).toBe('إيقاف “Spring sale” مؤقتًا')
  })

  it('refuses an upload in the language', () => {
    useLanguage({ language: 'ar', digits: 'arabic' })
    expect(checkUpload('clip.mp4', 51 * 1024 * 1024)).toEqual({ ok: false, reason: 'حجم «clip.mp4» ٥١٫٠ م.ب؛ ويقبل SkyLight ملفات حتى ٥٠ م.ب.' })
    useLanguage({ language: 'en', digits: 'latin' })
    expect(checkUpload('clip.mp4', 0)).toEqual({ ok: false, reason: '“clip.mp4” is empty.' })
  })

  it('words groups’ summaries and refusals, a full disk and a sync pass’s caution in the language', () => {
    useLanguage({ language: 'ar', digits: 'latin' })
    expect(createListAction.summary({ name: 'VIP', localId: -1 }, names)).toBe('إنشاء القائمة «VIP»')
    expect(renameSegmentAction.summary({ segmentId: 4, name: 'جدد', previous: 'قدامى' }, names)).toBe('إعادة تسمية الشريحة «قدامى» إلى «جدد»')
    expect(deleteListAction.summary({ listId: 7 } as never, names)).toBe('حذف القائمة 7')
    const refusal = createTagAction.payload.schema.safeParse({ name: '  ', localId: -1 })
    expect(refusal.success ? '' : refusal.error.issues[0]?.message).toBe('أعطِ الوسم اسمًا.')
    expect(diskFullError().message).toContain('القرص ممتلئ')
    expect(runtimeError(Object.assign(new Error('full'), { code: 'SQLITE_FULL' }))?.message).toBe('القرص ممتلئ، لذا تعذّر على SkyLight Desk حفظ تغييرك. أفرغ بعض المساحة عليه ثم حاول مجددًا.')
    const verdict = checkPage(1, { items: [], skipped: 0, total: 0, lastPage: 1, perPage: 50 } as never, 50, 'tags', 3)
    expect(verdict.ok ? '' : incompleteMessage(verdict.reason)).toBe('أجاب SkyLight بأنه لا يوجد شيء من الوسوم، مع أن 3 منها محفوظة هنا، لذا لم يُحذف شيء من هذا الحاسوب. ستُقرأ مجددًا.')
    useLanguage({ language: 'en', digits: 'latin' })
    expect(createListAction.summary({ name: 'VIP', localId: -1 }, names)).toBe('Create list “VIP”')
  })

  it('gives its general error in the language', async () => {
    useLanguage({ language: 'ar', digits: 'latin' })
    const dispatch = createDispatcher({ 'settings-get': async () => Promise.reject(new Error('boom')) } as unknown as Handlers)
    const result = await dispatch('settings-get', {})
    expect(result).toEqual({ ok: false, error: { type: 'internal', message: 'حدث خطأ داخل SkyLight Desk. التفاصيل في السجل.' } })
  })

  it('labels the shell’s menu, badge and notifications in the language', () => {
    useLanguage({ language: 'ar', digits: 'arabic' })
    const menu = appMenuTemplate({ appName: 'SkyLight Desk', platform: 'linux', development: false, openLogFolder: () => undefined, messages: t() })
    expect(menu.map((item) => item.label).filter(Boolean)).toContain('عرض')
    expect(badgeFor(3, t()).description).toBe('٣ رسائل غير مقروءة')
    const text = notificationFor({ accountId: 'a', contactId: 1, contactName: '', preview: '' }, { windowFocused: false, prefs: { notifications: true, notificationSound: true } }, t())
    expect(text).toMatchObject({ title: 'رسالة جديدة', body: 'أرسل إليك رسالة' })
  })
})
