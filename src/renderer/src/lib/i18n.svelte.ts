// The interface's language in the renderer. `m.key(params)` gives a message in the chosen
// language; it reads reactive state, so a template that calls it re-renders in place when
// the language changes (no reload, nothing typed is lost). `locale` holds the choice: the
// Settings view and the start-up apply it from the core's settings; 'system' follows
// navigator.language. Only the chosen language's words are fetched (each is a chunk of its
// own, a third of the interface's JavaScript), and a choice takes effect once they are here,
// so nothing ever shows half in one language.
import { callable, type Callable } from '../../../shared/i18n/catalog'
import { formatterFor } from '../../../shared/i18n/formatter'
import { directionOf, localeTag, resolveLanguage, type Digits, type Language, type LanguageSetting } from '../../../shared/i18n/locale'
import type { interfaceCatalog } from '../../../shared/i18n/messages/en/interface'

export type Messages = Callable<ReturnType<typeof interfaceCatalog>>
type Catalog = typeof interfaceCatalog

const loaders: Record<Language, () => Promise<{ interfaceCatalog: Catalog }>> = {
  en: () => import('../../../shared/i18n/messages/en/interface'),
  ar: () => import('../../../shared/i18n/messages/ar/interface'),
}
const catalogs = new Map<Language, Catalog>()
const fetching = new Map<Language, Promise<void>>()

/** Fetches a language's words (once); the choice of it can then apply at once. */
export function loadLanguage(language: Language): Promise<void> {
  if (catalogs.has(language)) return Promise.resolve()
  let pending = fetching.get(language)
  if (!pending) {
    pending = loaders[language]().then(
      (module) => void catalogs.set(language, module.interfaceCatalog),
      (error: unknown) => {
        fetching.delete(language) // a later choice tries again
        throw error
      },
    )
    fetching.set(language, pending)
  }
  return pending
}

class Locale {
  #setting = $state<LanguageSetting>('system')
  #digits = $state<Digits>('latin')
  #system = $state(typeof navigator === 'undefined' ? 'en' : navigator.language)
  #timeZone = $state<string | undefined>(undefined)
  #built = new Map<string, Messages>()
  #choice = 0

  constructor() {
    if (typeof window !== 'undefined') window.addEventListener('languagechange', () => void this.#follow(navigator.language))
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
  /** The account's timezone, which every time shown reads in; undefined: the computer's. */
  get timeZone(): string | undefined {
    return this.#timeZone
  }
  useTimeZone(zone: string | undefined): void {
    this.#timeZone = zone
  }

  /** The messages of the language and digits shown now. */
  get messages(): Messages {
    const language = this.language
    const key = `${language}|${this.#digits}`
    let messages = this.#built.get(key)
    if (!messages) {
      const catalog = catalogs.get(language)
      // main.ts applies the user's choice before mounting anything: reaching here is a bug.
      if (!catalog) throw new Error(`The ${language} messages were used before they were loaded`)
      messages = callable(catalog(formatterFor(language, this.#digits)))
      this.#built.set(key, messages)
    }
    return messages
  }

  /**
   * Shows the interface in a choice of language and digits, once its words are here: at once
   * when they are, else after fetching them. A later choice wins over an earlier one still
   * fetching.
   */
  apply(choice: { language?: LanguageSetting; digits?: Digits }): Promise<void> {
    const setting = choice.language ?? 'system'
    const digits = choice.digits ?? 'latin'
    const turn = ++this.#choice
    const show = () => {
      if (turn !== this.#choice) return
      this.#setting = setting
      this.#digits = digits
    }
    const language = resolveLanguage(setting, this.#system)
    if (catalogs.has(language)) return Promise.resolve(show())
    return loadLanguage(language).then(show)
  }

  /** The computer's language changed: followed once its words are here, if they are shown. */
  async #follow(system: string): Promise<void> {
    if (this.#setting === 'system') await loadLanguage(resolveLanguage('system', system))
    this.#system = system
  }
}

export const locale = new Locale()

// One function per key, made on first use: `m.inbox_send` is the same function every time.
const bound = new Map<string, (params?: unknown) => string>()

/** Every message of the interface, in the current language. */
export const m: Messages = new Proxy({} as Messages, {
  get(_, key) {
    if (typeof key !== 'string') return undefined
    let message = bound.get(key)
    if (!message) {
      message = (params?: unknown) => (locale.messages[key as keyof Messages] as (p?: unknown) => string)(params)
      bound.set(key, message)
    }
    return message
  },
})

/**
 * Keeps the document's lang and dir in step with the language, and the times' zone with the
 * account's (call once, from the root component).
 */
export function followLanguage(timeZone: () => string | undefined): void {
  $effect(() => {
    document.documentElement.lang = locale.language
    document.documentElement.dir = locale.dir
  })
  $effect.pre(() => locale.useTimeZone(timeZone()))
}
