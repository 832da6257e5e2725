import type { Formatter } from '../../formatter'
import type { settings as english } from '../en/settings'

export const settings: typeof english = (f: Formatter) => ({
  settings_title: 'الإعدادات',
  settings_language_title: 'اللغة',
  settings_language: 'لغة الواجهة',
  settings_language_system: 'مثل لغة النظام',
  settings_digits: 'الأرقام',
  settings_language_en: 'English',
  settings_language_ar: 'العربية',
  settings_digits_latin: 'لاتينية (0 1 2 3)',
  settings_digits_arabic: 'هندية (٠ ١ ٢ ٣)',
  settings_range: (p: { min: number; max: number }) => `أدخل عددًا صحيحًا من ${f.n(p.min)} إلى ${f.n(p.max)}.`,
  settings_save_failed: 'تعذّر حفظ الإعداد.',
})
