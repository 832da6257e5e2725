// Coded errors of the local store. `code` is for the program (what to do next), `message`
// is for the user (what happened and what they can do about it); the dispatcher gives
// each code its word in the contract's error vocabulary. Messages are in the core's language.
import { t } from '../language'

export const storeErrorCodes = [
  'not-found',
  'cannot-open',
  'corrupt',
  'locked',
  'read-only',
  'disk-full',
  'too-new',
  'migration-failed',
] as const
export type StoreErrorCode = (typeof storeErrorCodes)[number]

export class StoreError extends Error {
  readonly code: StoreErrorCode

  constructor(code: StoreErrorCode, message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = 'StoreError'
    this.code = code
  }
}

/** The one message for a damaged account file: what happened, and that a rebuild fixes it. */
export function damaged(path: string, cause: unknown): StoreError {
  return new StoreError(
    'corrupt',
    t().store_damaged({ path }),
    { cause },
  )
}

/**
 * What SQLite threw during use (not at open) that the user can act on: a full disk, or a
 * file found damaged after it opened. Other errors: undefined.
 */
export function runtimeError(error: unknown): StoreError | undefined {
  const code = errorCode(error)
  if (code === 'SQLITE_FULL') {
    return new StoreError('disk-full', t().disk_full({ what: t().disk_what_change() }), { cause: error })
  }
  if (code?.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new StoreError(
      'corrupt',
      t().store_damaged_in_use(),
      { cause: error },
    )
  }
  return undefined
}

/** `what`: a row by its entity's name and id ({ kind: 'contact', id: 12 }), or words from the catalog. */
export function notFound(what: string | { kind: string; id: number | string; noun?: string }): StoreError {
  return new StoreError('not-found', t().store_not_found({ what: typeof what === 'string' ? what : t().store_thing(what) }))
}

/**
 * Turns what SQLite threw while opening or migrating a file into a StoreError a user can
 * act on. Errors that are not SQLite's own are returned unchanged.
 */
export function openError(error: unknown, path: string): unknown {
  if (error instanceof StoreError) return error
  const code = errorCode(error)
  // SQLite's extended codes (SQLITE_BUSY_SNAPSHOT, SQLITE_READONLY_DBMOVED, …) share a
  // prefix; Node's own codes come from creating the folder.
  const base = code?.startsWith('SQLITE_') ? code.split('_').slice(0, 2).join('_') : nodeCodes[code ?? '']
  const options = { cause: error }
  switch (base) {
    case 'SQLITE_NOTADB':
    case 'SQLITE_CORRUPT':
      return damaged(path, error)
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return new StoreError(
        'locked',
        t().store_locked({ path }),
        options,
      )
    case 'SQLITE_READONLY':
    case 'SQLITE_PERM':
      return new StoreError(
        'read-only',
        t().store_read_only({ path }),
        options,
      )
    case 'SQLITE_FULL':
      return new StoreError('disk-full', t().store_disk_full_open({ path }), options)
    case 'SQLITE_CANTOPEN':
    case 'SQLITE_IOERR':
      return new StoreError(
        'cannot-open',
        t().store_cannot_open({ path }),
        options,
      )
    default:
      return error
  }
}

const nodeCodes: Record<string, string> = {
  EACCES: 'SQLITE_PERM',
  EPERM: 'SQLITE_PERM',
  EROFS: 'SQLITE_READONLY',
  ENOSPC: 'SQLITE_FULL',
  EDQUOT: 'SQLITE_FULL',
  ENOENT: 'SQLITE_CANTOPEN',
  ENOTDIR: 'SQLITE_CANTOPEN',
  EEXIST: 'SQLITE_CANTOPEN', // a file stands where the folder should be
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined
  const code = (error as { code: unknown }).code
  return typeof code === 'string' ? code : undefined
}
