// The interface's language in the renderer. `m.key(params)` gives a message in the chosen
// language; it reads reactive state, so a template that calls it re-renders in place when
// the language changes (no reload, nothing typed is lost). `locale` holds the choice: the
// Settings view and the start-up apply it from the core's settings; 'system' follows
// navigator.language.
//
// Words are fetched as they are needed, in the chosen language only: the frame's and the
// inbox's before the first frame (main.ts), the other views' with their states when one of
// them is first opened (state/desk.svelte.ts). A choice takes effect once every part shown is
// here in it, so nothing ever shows half in one language; the last choice wins.
import { callable, type Callable, type Message } from '../../../shared/i18n/catalog'
import { formatterFor, type Formatter } from '../../../shared/i18n/formatter'
import { directionOf, localeTag, resolveLanguage, type Digits, type Language, type LanguageSetting } from '../../../shared/i18n/locale'
import type { startWords } from '../../../shared/i18n/messages/en/start'
import type { viewWords } from '../../../shared/i18n/messages/en/views'

export type Messages = Callable<ReturnType<typeof startWords> & ReturnType<typeof viewWords>>
/** start: the frame and the inbox; views: every other view. */
export type WordsPart = 'start' | 'views'
type Words = (f: Formatter) => Record<string, Message>

const loaders: Record<Language, Record<WordsPart, () => Promise<Words>>> = {
  en: {
    start: () => import('../../../shared/i18n/messages/en/start').then((module) => module.startWords),
    views: () => import('../../../shared/i18n/messages/en/views').then((module) => module.viewWords),
  },
  ar: {
    start: () => import('../../../shared/i18n/messages/ar/start').then((module) => module.startWords),
    views: () => import('../../../shared/i18n/messages/ar/views').then((module) => module.viewWords),
  },
}
const words = new Map<string, Words>()
const fetching = new Map<string, Promise<void>>()
const id = (language: Language, part: WordsPart) => `${language}|${part}`

/** Fetches a part of a language's words (once). */
export function loadWords(language: Language, part: WordsPart): Promise<void> {
  const key = id(language, part)
  if (words.has(key)) return Promise.resolve()
  let pending = fetching.get(key)
  if (!pending) {
    pending = loaders[language][part]().then(
      (loaded) => void words.set(key, loaded),
      (error: unknown) => {
        fetching.delete(key) // a later choice tries again
        throw error
      },
    )
    fetching.set(key, pending)
  }
  return pending
}

interface Want {
  setting: LanguageSetting
  digits: Digits
  parts: ReadonlySet<WordsPart>
}

class Locale {
  #setting = $state<LanguageSetting>('system')
  #digits = $state<Digits>('latin')
  #parts = $state.raw<ReadonlySet<WordsPart>>(new Set(['start']))
  #system = $state(typeof navigator === 'undefined' ? 'en' : navigator.language)
  #timeZone = $state<string | undefined>(undefined)
  #built = new Map<string, Messages>()
  /** What was last asked for; shown once its words are here, unless something newer was asked. */
  #want: Want = { setting: 'system', digits: 'latin', parts: new Set(['start']) }
  #latest: Promise<void> = Promise.resolve()

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

  /** The messages of the language, digits and parts shown now. */
  get messages(): Messages {
    const language = this.language
    const parts = [...this.#parts]
    const key = `${language}|${this.#digits}|${parts.join()}`
    let messages = this.#built.get(key)
    if (!messages) {
      const f = formatterFor(language, this.#digits)
      const here = parts.flatMap((part) => words.get(id(language, part)) ?? [])
      messages = Object.assign({}, ...here.map((part) => callable(part(f)))) as Messages
      // Only before the first choice is shown can a part be missing (m then says so); not kept.
      if (here.length === parts.length) this.#built.set(key, messages)
    }
    return messages
  }

  /** Shows the interface in a choice of language and digits, once its words are here. */
  apply(choice: { language?: LanguageSetting; digits?: Digits }): Promise<void> {
    this.#want = { ...this.#want, setting: choice.language ?? 'system', digits: choice.digits ?? 'latin' }
    return this.#settle()
  }

  /** Adds the other views' words, in the language shown now and in any chosen later. */
  addViews(): Promise<void> {
    if (this.#want.parts.has('views')) return this.#latest
    this.#want = { ...this.#want, parts: new Set([...this.#want.parts, 'views']) }
    return this.#settle()
  }

  /** Fetches what the last wish needs, then shows it: at once when everything is here. */
  #settle(): Promise<void> {
    const want = this.#want
    const language = resolveLanguage(want.setting, this.#system)
    const show = (): Promise<void> | void => {
      if (want !== this.#want) return this.#latest // something newer was asked for: its turn
      this.#setting = want.setting
      this.#digits = want.digits
      this.#parts = want.parts
    }
    const missing = [...want.parts].filter((part) => !words.has(id(language, part)))
    this.#latest = missing.length === 0 ? Promise.resolve(show()) : Promise.all(missing.map((part) => loadWords(language, part))).then(show)
    return this.#latest
  }

  /** The computer's language changed: followed once its words are here, if they are shown. */
  async #follow(system: string): Promise<void> {
    if (this.#want.setting === 'system') await Promise.all([...this.#want.parts].map((part) => loadWords(resolveLanguage('system', system), part)))
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
      message = (params?: unknown) => {
        const found = locale.messages[key as keyof Messages] as ((p?: unknown) => string) | undefined
        // The code that asks is outside the part of the words it belongs with: a developer's mistake.
        if (!found) throw new Error(`The message ${key} was used before its words were loaded`)
        return found(params)
      }
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
