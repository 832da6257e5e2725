// Holding and releasing a row for a queued change, tolerant of rows that are already gone
// (a later queued delete, or sync's deletion pass, may have removed them meanwhile).
import { holdForLocalChange, releaseLocalChange, StoreError, type LocalEntity, type StoreDb } from '../../store'

export function hold(db: StoreDb, entity: LocalEntity): void {
  holdForLocalChange(db, entity)
}

export function release(db: StoreDb, entity: LocalEntity): void {
  try {
    releaseLocalChange(db, entity)
  } catch (error) {
    if (!(error instanceof StoreError && error.code === 'not-found')) throw error
  }
}

/** Runs a remote delete; "already gone" is the outcome a delete wants. */
export async function gone(work: Promise<unknown>): Promise<void> {
  try {
    await work
  } catch (error) {
    if ((error as { type?: string }).type !== 'not-found') throw error
  }
}
