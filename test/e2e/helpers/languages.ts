// The interface's languages as the journeys run them: each with the digits it is shown in
// and its direction.
import type { Digits, Language } from '../../../src/shared/i18n/locale'

export const languages: { language: Language; digits: Digits; dir: 'ltr' | 'rtl' }[] = [
  { language: 'en', digits: 'latin', dir: 'ltr' },
  { language: 'ar', digits: 'arabic', dir: 'rtl' },
]
