// Coded errors of the local store. `code` is for the program (what to do next), `message`
// is for the user (what happened and what they can do about it); the dispatcher gives
// each code its word in the contract's error vocabulary.

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
    `The local copy of this account (${path}) is damaged. Rebuild it from SkyLight in Settings → Accounts: queued actions that can still be read are kept.`,
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
    return new StoreError('disk-full', 'Your disk is full, so SkyLight Desk could not save your change. Free some space on it and try again.', { cause: error })
  }
  if (code?.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new StoreError(
      'corrupt',
      'The local copy of this account turned out to be damaged. Restart SkyLight Desk: it checks the copy as it starts and offers to rebuild it from SkyLight.',
      { cause: error },
    )
  }
  return undefined
}

export function notFound(what: string): StoreError {
  return new StoreError('not-found', `${what} is not in the local copy of this account. It may have been deleted; syncing again will bring back anything that still exists.`)
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
        `The local data file ${path} is in use by another program, probably another SkyLight Desk window. Close it and try again.`,
        options,
      )
    case 'SQLITE_READONLY':
    case 'SQLITE_PERM':
      return new StoreError(
        'read-only',
        `SkyLight Desk cannot write to ${path}. Check that the file and its folder are not read-only and that your user may change them.`,
        options,
      )
    case 'SQLITE_FULL':
      return new StoreError('disk-full', `Your disk is full, so SkyLight Desk cannot open ${path}. Free some space on it and try again.`, options)
    case 'SQLITE_CANTOPEN':
    case 'SQLITE_IOERR':
      return new StoreError(
        'cannot-open',
        `SkyLight Desk cannot open ${path}. Check that the folder exists, is reachable (not an unplugged or network drive) and that your user may use it.`,
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
