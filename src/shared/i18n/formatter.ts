// What a catalog's message functions format with: numbers in the chosen digits and plural
// forms by the language's own rules (Arabic has six: zero, one, two, few, many, other).
import { numberFormat, pluralRule } from './intl-cache'
import { localeTag, type Digits, type Language } from './locale'

/** The forms a plural message gives; `other` is required, the rest as the language uses them. */
export type PluralForms = { other: string } & Partial<Record<Intl.LDMLPluralRule, string>>

export interface Formatter {
  language: Language
  /** The Intl locale tag, digits included ("ar-u-nu-arab"). */
  locale: string
  /** A number in the chosen digits, grouped ("12,345" / "١٢٬٣٤٥"). */
  n(value: number, options?: Intl.NumberFormatOptions): string
  /** The form of `forms` that the language's plural rules pick for `count`. */
  plural(count: number, forms: PluralForms): string
}

export function formatterFor(language: Language, digits: Digits): Formatter {
  const locale = localeTag(language, digits)
  return {
    language,
    locale,
    n: (value, options) => numberFormat(locale, options).format(value),
    plural: (count, forms) => {
      // Arabic uses "zero" for 0 itself; English has no zero category, but a catalog may
      // still word 0 its own way ("No messages").
      if (count === 0 && forms.zero !== undefined) return forms.zero
      return forms[pluralRule(language).select(count)] ?? forms.other
    },
  }
}
