// CSV as spreadsheets open it: UTF-8 with a byte-order mark (without it Excel reads Arabic
// names as mojibake), CRLF line ends, quotes only where a cell needs them, and no cell that
// a spreadsheet would run as a formula (CSV injection): one starting with = + - @ (or a tab
// or carriage return, which some spreadsheets skip before looking) gets a leading apostrophe.
const BOM = '\uFEFF'
const FORMULA_START = /^[=+\-@\t\r]/

export type Cell = string | number | boolean | null | undefined

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return ''
  let text = typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value)
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return BOM + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

/** A file name from a label: no characters a file system refuses, never empty. */
export function csvFileName(label: string, fallback: string): string {
  const safe = label.replace(/[\\/:*?"<>|\x00-\x1f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80)
  return `${safe || fallback}.csv`
}
