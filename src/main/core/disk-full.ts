// A full disk (or a spent quota) is something the user can fix, so it is told as such
// wherever the app writes — the account's store, settings, the account list, the staging of
// uploads — instead of "something went wrong, see the log" (the log is on the same disk).
import { t } from './language'

export class DiskFullError extends Error {
  readonly type = 'disk-full'
  /** `what`: the thing not saved, in the core's language ("your settings": t().disk_what_settings()). */
  constructor(what: string, options?: ErrorOptions) {
    super(t().disk_full({ what }), options)
    this.name = 'DiskFullError'
  }
}

/** ENOSPC / EDQUOT from Node, SQLITE_FULL from SQLite (and SQLite's I/O errors caused by either). */
export function isDiskFull(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const code = (error as { code?: unknown }).code
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL') return true
  const cause = (error as { cause?: unknown }).cause
  return cause !== undefined && cause !== error && isDiskFull(cause)
}

/** Runs `work`; a full disk comes out as a DiskFullError naming `what` could not be saved. */
export async function savingTo<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    throw isDiskFull(error) ? new DiskFullError(what, { cause: error }) : error
  }
}
