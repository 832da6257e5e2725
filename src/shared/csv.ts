// A small CSV reader (product catalogs, in the app and in the sandbox): a header row,
// quoted fields with "" escapes, commas or semicolons, an optional byte-order mark. Rows
// become objects keyed by the trimmed, lower-cased header; null when there is no header.
export function readCsv(text: string): { columns: string[]; rows: Record<string, string>[] } | null {
  const body = text.replace(/^\ufeff/, '')
  const first = body.split('\n', 1)[0] ?? ''
  const separator = first.includes(';') && !first.includes(',') ? ';' : ','
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === separator) {
      row.push(field)
      field = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += ch
  }
  if (field !== '' || row.length > 0) rows.push([...row, field])
  const [header, ...data] = rows.filter((r) => r.some((cell) => cell.trim() !== ''))
  if (!header) return null
  const keys = header.map((h) => h.trim().toLowerCase())
  return { columns: keys, rows: data.map((r) => Object.fromEntries(keys.map((k, i) => [k, (r[i] ?? '').trim()]))) }
}
