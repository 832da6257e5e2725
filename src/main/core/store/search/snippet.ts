// Snippets cross to the renderer as parts, never as HTML, so message text cannot inject
// markup. FTS5 marks matches with two private-use characters that text does not contain.
export const matchStart = '\uE000'
export const matchEnd = '\uE001'

export interface SnippetPart {
  text: string
  match: boolean
}

export function snippetParts(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = []
  for (const [i, piece] of marked.split(matchStart).entries()) {
    const [inside, after] = i === 0 ? [null, piece] : splitOnce(piece, matchEnd)
    if (inside) parts.push({ text: inside, match: true })
    if (after) parts.push({ text: after, match: false })
  }
  return parts
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator)
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + separator.length)]
}
