// Saving a CSV export: the user picks the file in the system's dialog (main process), the
// core makes the CSV, and it is written here — the page never names a path, so a page that
// went wrong still cannot write anywhere the user did not choose. Plain Node and a passed-in
// dialog, so it is tested without Electron.
import { writeFile } from 'node:fs/promises'
import { csvMethods, type CsvMethod } from '../shared/bridge'
import type { Result } from '../shared/contract'
import type { Dispatch } from './core/contract/dispatch'
import { t } from './core/language'

export interface CsvSaveDeps {
  dispatch: Dispatch
  /** The system's save dialog with this file name suggested; null when cancelled. */
  pickPath(suggestedName: string): Promise<string | null>
  write?(path: string, text: string): Promise<void>
}

const isCsvMethod = (method: unknown): method is CsvMethod => csvMethods.includes(method as CsvMethod)

export async function saveCsv(deps: CsvSaveDeps, method: unknown, input: unknown): Promise<Result<{ saved: string | null; rows: number }>> {
  if (!isCsvMethod(method)) return { ok: false, error: { type: 'unknown-method', message: t().export_not_an_export({ method: String(method).slice(0, 80) }) } }
  // The CSV first: a filter the core refuses is said before any dialog opens.
  const made = await deps.dispatch(method, input)
  if (!made.ok) return made
  const file = made.value as { fileName: string; csv: string; rows: number }
  const path = await deps.pickPath(file.fileName)
  if (path === null) return { ok: true, value: { saved: null, rows: file.rows } }
  try {
    await (deps.write ?? ((p, text) => writeFile(p, text, 'utf8')))(path, file.csv)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOSPC') return { ok: false, error: { type: 'disk-full', message: t().export_disk_full() } }
    const refused = code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
    return { ok: false, error: { type: 'internal', message: refused ? t().export_not_allowed() : t().export_not_written() } }
  }
  return { ok: true, value: { saved: path, rows: file.rows } }
}
