// The messages for a language and digits, every one callable: messagesFor('ar', 'arabic').
// Built once per pair and reused; the core and the shell call this. The renderer builds its
// reactive `m` the same way from the interface's part alone (messages/<language>/interface.ts,
// loaded for the chosen language only: src/renderer/src/lib/i18n.svelte.ts).
import { callable, type Callable } from './catalog'
import { formatterFor } from './formatter'
import type { Digits, Language } from './locale'
import { catalog as arabic } from './messages/ar'
import { catalog as english } from './messages/en'

export type Catalog = ReturnType<typeof english>
export type Messages = Callable<Catalog>
export type MessageKey = keyof Catalog

const catalogs = { en: english, ar: arabic } as const
const built = new Map<string, Messages>()

export function messagesFor(language: Language, digits: Digits): Messages {
  const key = `${language}|${digits}`
  let messages = built.get(key)
  if (!messages) {
    messages = callable(catalogs[language](formatterFor(language, digits)))
    built.set(key, messages)
  }
  return messages
}

/** The message keys, in the English catalog's order (for the renderer's reactive wrapper and the checks). */
export const messageKeys = Object.keys(english(formatterFor('en', 'latin'))) as MessageKey[]
