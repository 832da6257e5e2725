// The interface's language in the renderer. `m.key(params)` gives a message in the chosen
// language; it reads reactive state, so a template that calls it re-renders in place when
// the language changes (no reload, nothing typed is lost). `locale` holds the choice: the
// Settings view and the start-up apply it from the core's settings; 'system' follows
// navigator.language.
import { messageKeys, messagesFor, type Messages } from '../../../shared/i18n/messages'
import { directionOf, localeTag, resolveLanguage, type Digits, type Language, type LanguageSetting } from '../../../shared/i18n/locale'

class Locale {
  #setting = $state<LanguageSetting>('system')
  #digits = $state<Digits>('latin')
  #system = $state(typeof navigator === 'undefined' ? 'en' : navigator.language)

  constructor() {
    if (typeof window !== 'undefined') window.addEventListener('languagechange', () => (this.#system = navigator.language))
  }

  get language(): Language {
    return resolveLanguage(this.#setting, this.#system)
  }
  get digits(): Digits {
    return this.#digits
  }
  /** For Intl: "ar-u-nu-arab". */
  get tag(): string {
    return localeTag(this.language, this.#digits)
  }
  get dir(): 'ltr' | 'rtl' {
    return directionOf(this.language)
  }

  apply(choice: { language?: LanguageSetting; digits?: Digits }): void {
    this.#setting = choice.language ?? 'system'
    this.#digits = choice.digits ?? 'latin'
  }
}

export const locale = new Locale()

function build(): Messages {
  const out: Record<string, (params?: unknown) => string> = {}
  for (const key of messageKeys) {
    out[key] = (params?: unknown) => (messagesFor(locale.language, locale.digits)[key] as (p?: unknown) => string)(params)
  }
  return out as unknown as Messages
}

/** Every message of the interface, in the current language. */
export const m: Messages = build()

/** Keeps the document's lang and dir in step with the language (call once, from the root component). */
export function followLanguage(): void {
  $effect(() => {
    document.documentElement.lang = locale.language
    document.documentElement.dir = locale.dir
  })
}
