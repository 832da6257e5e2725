// Text is normalised the same way before it is indexed and before it is searched, so the
// forms a user types find the forms people write: "محمد" finds "مُحَمَّد", "مدرسة" finds
// "مدرسه", "cafe" finds "Café", "123" finds "١٢٣". The FTS tokenizer (unicode61
// remove_diacritics 2) then folds case and Latin diacritics.

// Arabic harakat (fathatan … hamza below, U+064B–U+065F), superscript alef, tatweel.
const arabicMarks = /[\u064B-\u065F\u0670\u0640]/g
const alefForms = /[\u0623\u0625\u0622\u0671]/g // أ إ آ ٱ
const arabicIndicDigits = /[\u0660-\u0669\u06F0-\u06F9]/g

export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFKC')
    .replace(arabicMarks, '')
    .replace(alefForms, '\u0627') // ا
    .replace(/\u0649/g, '\u064A') // ى → ي
    .replace(/\u0629/g, '\u0647') // ة → ه
    .replace(arabicIndicDigits, (digit) => {
      const code = digit.codePointAt(0)!
      return String(code - (code >= 0x06f0 ? 0x06f0 : 0x0660))
    })
}

/**
 * normalizeForSearch plus what the FTS tokenizer would add (case and Latin diacritics
 * folded), for matching and sorting outside FTS: "Émile" sorts with "emile", "logo-café"
 * contains "cafe".
 */
export function foldForComparison(text: string): string {
  return normalizeForSearch(text).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

// What the tokenizer treats as part of a word (its categories 'L* N* Co M*').
const separators = /[^\p{L}\p{N}\p{Co}\p{M}]+/u

/**
 * An FTS5 MATCH expression for what the user typed: every word must occur, each as a
 * prefix (results narrow as they type). Each word is quoted, so nothing the user types
 * is read as FTS syntax. Null when there is nothing to search for (only spaces, emoji…).
 */
export function toMatchQuery(input: string): string | null {
  const words = normalizeForSearch(input).split(separators).filter(Boolean)
  if (words.length === 0) return null
  return words.map((word) => `"${word}"*`).join(' ')
}

/** Phone numbers are also indexed as bare digits, so "96655" finds "+966 55 …". */
export function phoneSearchText(phone: string | null): string {
  if (!phone) return ''
  const normalised = normalizeForSearch(phone)
  const digits = normalised.replace(/\D/g, '')
  return digits && digits !== normalised ? `${normalised} ${digits}` : normalised
}
