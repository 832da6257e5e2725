// A CSV export the core makes: saved through the shell's dialog in the app, downloaded in a
// plain browser page (the browser test host), where no dialog can reach the disk.
import type { CsvMethod } from '../../../shared/bridge'
import type { MethodInput } from '../../../shared/contract'
import { call, DeskError } from './desk'
import { m } from './i18n.svelte'

/** What happened, for the user; null when they cancelled the dialog. */
export async function exportCsv<M extends CsvMethod>(method: M, input: MethodInput<M>): Promise<string | null> {
  const save = window.desk?.saveCsv
  if (save) {
    const result = await save(method, input)
    if (!result.ok) throw new DeskError(result.error)
    if (result.value.saved === null) return null
    return m.csv_saved({ rows: result.value.rows, path: result.value.saved })
  }
  const file = (await call(method, input)) as { fileName: string; csv: string; rows: number }
  const url = URL.createObjectURL(new Blob([file.csv], { type: 'text/csv;charset=utf-8' }))
  try {
    const link = document.createElement('a')
    link.href = url
    link.download = file.fileName
    link.hidden = true
    document.body.append(link)
    link.click()
    link.remove()
  } finally {
    // After the click has started the download.
    setTimeout(() => URL.revokeObjectURL(url), 0)
  }
  return m.csv_downloaded({ file: file.fileName, rows: file.rows })
}
