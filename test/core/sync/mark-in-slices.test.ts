// Marking a whole table for a deletion pass, a slice per turn of the event loop.
import { describe, expect, it } from 'vitest'
import { CancelledError } from '../../../src/main/core/skylight'
import { upsertContacts } from '../../../src/main/core/store'
import { markAllInSlices } from '../../../src/main/core/sync/mark-in-slices'
import { apiContact, openTempStore } from '../store/helpers'

describe('markAllInSlices', () => {
  it('marks every row, a thousand at a time, letting timers run in between', async () => {
    const store = openTempStore()
    for (let from = 1; from <= 2500; from += 100) {
      upsertContacts(store.db, Array.from({ length: 100 }, (_, i) => apiContact({ id: from + i, name: `Contact ${from + i}` })))
    }
    // A timer due before the marking starts runs before it ends: the loop was let go.
    let timerRan = false
    setTimeout(() => (timerRan = true), 0)
    await markAllInSlices({ db: store.db, signal: new AbortController().signal }, 'contacts')
    expect(timerRan).toBe(true)
    expect(store.sqlite.prepare('SELECT count(*) AS n FROM contacts WHERE unseen = 0').get()).toEqual({ n: 0 })
  })

  it('stops between slices once the run is cancelled', async () => {
    const store = openTempStore()
    upsertContacts(store.db, [apiContact({ id: 1, name: 'Amal' })])
    const controller = new AbortController()
    controller.abort()
    await expect(markAllInSlices({ db: store.db, signal: controller.signal }, 'contacts')).rejects.toBeInstanceOf(CancelledError)
    expect(store.sqlite.prepare('SELECT unseen FROM contacts').get()).toEqual({ unseen: 0 })
  })
})
