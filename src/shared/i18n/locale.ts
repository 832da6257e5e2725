// Which language and digits the interface uses, and the BCP 47 tag Intl is given for them.
// Runs anywhere (renderer, core, shell): no DOM, no Node.

export const languages = ['en', 'ar'] as const
export type Language = (typeof languages)[number]
/** What the user chose in Settings; 'system' follows the operating system's language. */
export const languageSettings = ['system', ...languages] as const
export type LanguageSetting = (typeof languageSettings)[number]
/** Latin (0-9) or Arabic-Indic (٠-٩) digits, in either language. */
export const digitSettings = ['latin', 'arabic'] as const
export type Digits = (typeof digitSettings)[number]

/** The language a locale tag ("ar-SA", "en_GB", "fr") asks for; English for anything we lack. */
export function languageOf(tag: string | null | undefined): Language {
  const base = (tag ?? '').toLowerCase().split(/[-_]/)[0]
  return (languages as readonly string[]).includes(base ?? '') ? (base as Language) : 'en'
}

export function resolveLanguage(setting: LanguageSetting, systemLocale: string | null | undefined): Language {
  return setting === 'system' ? languageOf(systemLocale) : setting
}

/** "ar-u-nu-arab": Arabic with Arabic-Indic digits; "en-u-nu-latn": English with 0-9. */
export function localeTag(language: Language, digits: Digits): string {
  return `${language}-u-nu-${digits === 'arabic' ? 'arab' : 'latn'}`
}

export function directionOf(language: Language): 'ltr' | 'rtl' {
  return language === 'ar' ? 'rtl' : 'ltr'
}
