// The store's coded errors, as the contract's error values: a missing row is 'not-found'
// with the store's message, not an internal error.
import { StoreError } from '../store'

class ViewError extends Error {
  constructor(
    readonly type: 'not-found',
    message: string,
  ) {
    super(message)
  }
}

/** Runs a read of the local store, turning "not in the local copy" into a contract error. */
export function readView<T>(read: () => T): T {
  try {
    return read()
  } catch (error) {
    if (error instanceof StoreError && error.code === 'not-found') throw new ViewError('not-found', error.message)
    throw error
  }
}
