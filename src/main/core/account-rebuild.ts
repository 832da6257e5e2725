// Rebuilding an account's damaged local copy: the file (and its WAL) is moved aside as
// account.sqlite.damaged-<time> — kept, in case someone wants to look at it — the unsent
// actions it still holds are written into a fresh file, and a note of which to queue again
// is left in the account's folder (rebuild-pending.json), so a quit before the first sync
// finishes loses nothing: the next start picks it up.
import { readFile, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { AccountSession } from './account-session'
import { writeFileAtomic } from './atomic-file'
import { actionDefs } from './outbox/actions'
import { requeueSalvaged, restoreSalvaged, salvageOutbox } from './outbox/salvage'
import { openStore } from './store'

const PENDING_FILE = 'rebuild-pending.json'
const pendingFile = z.object({ requeue: z.array(z.number().int()) })

export async function rebuildAccountFile(folder: string, now: number): Promise<void> {
  const path = join(folder, 'account.sqlite')
  const salvage = salvageOutbox(path)
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-')
  for (const suffix of ['', '-wal']) {
    await rename(`${path}${suffix}`, `${path}.damaged-${stamp}${suffix}`).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error
    })
  }
  await rm(`${path}-shm`, { force: true })
  const store = openStore({ path })
  try {
    const requeue = restoreSalvaged(store.db, actionDefs, salvage, now)
    if (requeue.length > 0) await writeFileAtomic(join(folder, PENDING_FILE), JSON.stringify({ requeue }))
  } finally {
    store.close()
  }
}

/** The actions a rebuild left waiting for the first sync, or null when there are none. */
export async function pendingRequeue(folder: string): Promise<number[] | null> {
  try {
    const parsed = pendingFile.safeParse(JSON.parse(await readFile(join(folder, PENDING_FILE), 'utf8')))
    return parsed.success ? parsed.data.requeue : null
  } catch {
    return null
  }
}

/** The first sync of the fresh copy is done: the waiting actions make their change again and go. */
export async function requeueAfterFirstSync(session: AccountSession, folder: string, ids: readonly number[], now: number): Promise<void> {
  requeueSalvaged(session.store.db, actionDefs, ids, now)
  await rm(join(folder, PENDING_FILE), { force: true })
  session.outbox.nudge()
}
