// Settings, first run and adding accounts.
import type { Formatter } from '../../formatter'

export const settings = (f: Formatter) => ({
  settings_title: 'Settings',
  settings_language_title: 'Language',
  settings_language: 'Interface language',
  settings_language_system: 'Same as the system',
  settings_digits: 'Digits',
  settings_language_en: 'English',
  settings_language_ar: 'العربية',
  settings_digits_latin: 'Latin (0 1 2 3)',
  settings_digits_arabic: 'Arabic-Indic (٠ ١ ٢ ٣)',
  settings_range: (p: { min: number; max: number }) => `Enter a whole number from ${f.n(p.min)} to ${f.n(p.max)}.`,
  settings_save_failed: 'The setting could not be saved.',
})
