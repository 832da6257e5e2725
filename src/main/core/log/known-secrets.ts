// The secrets the app holds (every API key it was given or read), found in log text in any
// of the shapes a key takes on its way through code: as is, escaped for JSON or a URL,
// base64 (Basic auth, encoded bodies) or hex, in another case, cut short, or split across
// quotes or lines. A key is matched by its pieces: any run of GRAM characters of one of its
// encodings marks that run, and every marked run becomes "[redacted]". A random key's
// 10-character pieces do not occur in ordinary text, and a piece that leaks alone is too
// short to be of use.

/** What stands in the log where a secret was. */
export const REDACTED = '[redacted]'

/** Length of the pieces a secret is recognized by (shorter secrets are matched whole). */
const GRAM = 10
/** Encodings shorter than this are not looked for (they would shred the log). */
const MIN_FORM_LENGTH = 6

export class KnownSecrets {
  readonly #forms = new Map<string, string[]>()
  /** Pieces by length, each with how many secrets' encodings contain it. */
  readonly #pieces = new Map<number, Map<string, number>>()

  get size(): number {
    return this.#forms.size
  }

  has(secret: string): boolean {
    return this.#forms.has(secret)
  }

  add(secret: string): void {
    if (this.#forms.has(secret)) return
    const forms = encodedForms(secret)
    this.#forms.set(secret, forms)
    for (const piece of piecesOf(forms)) {
      const byLength = this.#pieces.get(piece.length) ?? new Map<string, number>()
      byLength.set(piece, (byLength.get(piece) ?? 0) + 1)
      this.#pieces.set(piece.length, byLength)
    }
  }

  delete(secret: string): void {
    const forms = this.#forms.get(secret)
    if (!forms) return
    this.#forms.delete(secret)
    for (const piece of piecesOf(forms)) {
      const byLength = this.#pieces.get(piece.length)
      const count = byLength?.get(piece) ?? 0
      if (count <= 1) byLength?.delete(piece)
      else byLength!.set(piece, count - 1)
      if (byLength?.size === 0) this.#pieces.delete(piece.length)
    }
  }

  /** The text with every run that belongs to a known secret's encodings replaced. */
  redact(text: string): string {
    if (this.#pieces.size === 0 || text.length === 0) return text
    const folded = asciiLower(text)
    const marked = new Uint8Array(text.length)
    let any = false
    for (const [length, pieces] of this.#pieces) {
      for (let i = 0; i + length <= folded.length; i++) {
        if (!pieces.has(folded.slice(i, i + length))) continue
        marked.fill(1, i, i + length)
        any = true
      }
    }
    if (!any) return text
    let out = ''
    for (let i = 0; i < text.length; ) {
      if (!marked[i]) {
        out += text[i]
        i++
        continue
      }
      out += REDACTED
      while (i < text.length && marked[i]) i++
    }
    return out
  }
}

/** The shapes a secret takes in text (deduplicated, case folded). */
export function encodedForms(secret: string): string[] {
  const forms = new Set<string>([secret])
  const jsonOnce = JSON.stringify(secret).slice(1, -1)
  forms.add(jsonOnce)
  forms.add(JSON.stringify(jsonOnce).slice(1, -1))
  const uri = encodeURIComponent(secret)
  forms.add(uri)
  forms.add(encodeURIComponent(uri))
  forms.add(new URLSearchParams({ k: secret }).toString().slice(2))
  const bytes = Buffer.from(secret, 'utf8')
  forms.add(bytes.toString('hex'))
  // base64 depends on where the secret starts within the encoded bytes: the three offsets
  // give three spellings; the characters that mix in neighbouring bytes are left out.
  for (let offset = 0; offset < 3; offset++) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64')
    const core = encoded.slice(Math.ceil((offset * 8) / 6), Math.floor(((offset + bytes.length) * 8) / 6))
    forms.add(core)
    forms.add(core.replaceAll('+', '-').replaceAll('/', '_'))
  }
  return [...forms].filter((form) => form.length >= MIN_FORM_LENGTH).map(asciiLower)
}

function* piecesOf(forms: string[]): Generator<string> {
  for (const form of forms) {
    const length = Math.min(GRAM, form.length)
    for (let i = 0; i + length <= form.length; i++) yield form.slice(i, i + length)
  }
}

/** Lower case for A–Z only, so every index still points at the same character. */
function asciiLower(text: string): string {
  return text.replace(/[A-Z]+/g, (run) => run.toLowerCase())
}
