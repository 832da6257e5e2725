// CSV cells as a spreadsheet reads them: quoted where needed, never a formula.
import { describe, expect, it } from 'vitest'
import { csvCell, csvFileName, toCsv } from '../../src/main/core/exports/csv'

describe('CSV', () => {
  it('disarms cells a spreadsheet would run as formulas, and only those', () => {
    expect(['=1+1', '+966500000000', '-5', '@SUM(A1)', '\t=x', '\r=x'].map(csvCell)).toEqual([
      "'=1+1",
      "'+966500000000",
      "'-5",
      "'@SUM(A1)",
      "'\t=x",
      '"\'\r=x"',
    ])
    expect(['a=b', 'Noura', 'نورة', ''].map(csvCell)).toEqual(['a=b', 'Noura', 'نورة', ''])
    // Numbers and flags are the app's own values, not text a user typed.
    expect([-5, 0, true, false, null, undefined].map(csvCell)).toEqual(['-5', '0', 'yes', 'no', '', ''])
  })

  it('quotes commas, quotes and line breaks, after the apostrophe', () => {
    expect(csvCell('Al-Otaibi, Noura')).toBe('"Al-Otaibi, Noura"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
    expect(csvCell('=HYPERLINK("x","y")')).toBe('"\'=HYPERLINK(""x"",""y"")"')
  })

  it('starts with a byte-order mark and ends lines with CRLF', () => {
    expect(toCsv(['Name', 'Phone'], [['نورة', '+966'], ['Sam', null]])).toBe("\uFEFFName,Phone\r\nنورة,'+966\r\nSam,\r\n")
  })

  it('names files without characters a file system refuses', () => {
    expect(csvFileName('Spring: promo/2026?', 'x')).toBe('Spring promo 2026.csv')
    expect(csvFileName(' :/ ', 'campaign delivery')).toBe('campaign delivery.csv')
  })
})
