import type { Formatter } from '../../formatter'
import type { common as english } from '../en/common'

const rowsN = (f: Formatter, n: number) =>
  f.plural(n, {
    zero: `${f.n(n)} صف`,
    one: 'صف واحد',
    two: 'صفّان',
    few: `${f.n(n)} صفوف`,
    many: `${f.n(n)} صفًا`,
    other: `${f.n(n)} صف`,
  })

export const common: typeof english = (f: Formatter) => ({
  common_try_again: 'حاول مرة أخرى',
  common_cancel: 'إلغاء',
  common_close: 'إغلاق',
  common_saved: 'تم الحفظ.',
  common_starting: 'جارٍ التشغيل…',
  common_loading: 'جارٍ التحميل…',
  common_something_wrong: 'حدث خطأ ما. حاول مرة أخرى.',
  common_no_core: 'تعذّر على SkyLight Desk الاتصال بمكوّنه الأساسي.',
  common_unknown_method: 'لا يستطيع هذا الإصدار من SkyLight Desk تنفيذ ذلك بعد.',
  time_never: 'أبدًا',
  time_just_now: 'الآن',
  time_minutes_ago: (p: { n: number }) => `قبل ${f.n(p.n)} د`,
  time_hours_ago: (p: { n: number }) => `قبل ${f.n(p.n)} س`,
  size_bytes: (p: { n: number }) => `${f.n(p.n)} بايت`,
  size_kb: (p: { n: number }) => `${f.n(p.n, { maximumFractionDigits: 0 })} ك.ب`,
  size_mb: (p: { n: number }) => `${f.n(p.n, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} م.ب`,
  channel_whatsapp: 'واتساب',
  channel_telegram: 'تيليجرام',
  channel_instagram: 'إنستغرام',
  channel_unknown: 'قناة غير معروفة',
  csv_saved: (p: { rows: number; path: string }) => `حُفظ ${rowsN(f, p.rows)} في ${p.path}.`,
  csv_downloaded: (p: { file: string; rows: number }) => `نُزّل ${p.file} (${rowsN(f, p.rows)}).`,
  time_today: 'اليوم',
  time_yesterday: 'أمس',
  media_open_failed: 'تعذّر فتح هذا الملف.',
})
