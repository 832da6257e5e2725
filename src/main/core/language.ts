// The language of what the core says to the user. Decision (issue 14): the core is TOLD the
// language — it keeps the setting — and its user-facing words (errors that cross the
// contract, outbox summaries, notices, notifications) are made in that language from the
// shared catalogs (src/shared/i18n), when they are produced. The contract carries plain
// sentences, as before. One app has one settings file, so one language per process.
import { messagesFor, type Messages } from '../../shared/i18n/messages'
import { resolveLanguage, type Digits, type Language, type LanguageSetting } from '../../shared/i18n/locale'

let current: { language: Language; digits: Digits } = { language: 'en', digits: 'latin' }
// The operating system's locale, as the shell reports it; tests and scripts leave it out,
// so the core speaks English unless told otherwise.
let systemLocale: string | undefined

export function setSystemLocale(locale: string | undefined): void {
  systemLocale = locale
}

export function useLanguage(setting: { language: LanguageSetting; digits: Digits }): void {
  current = { language: resolveLanguage(setting.language, systemLocale), digits: setting.digits }
}

export function currentLanguage(): { language: Language; digits: Digits } {
  return current
}

/** The catalog in the current language: `t().core_internal_error()`. */
export function t(): Messages {
  return messagesFor(current.language, current.digits)
}
