// An account's sync thread: the sync engine with a connection of its own to the account's
// file, so that fetching, validating and writing pages never holds up the thread that
// answers the interface. Started and spoken to by SyncThread (sync-thread.ts).
import { parentPort, workerData } from 'node:worker_threads'
import { createSkyLightApi } from '../../skylight'
import { openStore } from '../../store'
import { AccountSync } from '../account-sync'
import type { FromThread, SyncThreadData, ToThread } from './protocol'
import { RemoteBudget } from './remote-budget'
import { useLanguage } from '../../language'

const port = parentPort
if (!port) throw new Error('thread.ts runs as a worker thread (see SyncThread)')
const data = workerData as SyncThreadData
const send = (message: FromThread): void => port.postMessage(message)
useLanguage(data.language)

const budget = new RemoteBudget({ limit: data.limit, windowMs: data.windowMs, send })
// The core's connection created and migrated the file before starting this thread. A
// commit of sync lost to a power cut is fetched again, so it need not wait for the disk.
const store = openStore({ path: data.path, prepareSchema: false, durability: 'normal' })
const sync = new AccountSync({
  api: createSkyLightApi({ ...data.client, budget }),
  db: store.db,
  onEvent: (event) => send({ type: 'event', event }),
  timings: data.timings,
})

send({ type: 'ready' })
port.on('message', (message: ToThread) => {
  switch (message.type) {
    case 'grant':
      budget.granted(message.id)
      return
    case 'start':
      sync.start()
      return
    case 'sync':
      void sync.syncNow(message.kind).then(() => send({ type: 'done', id: message.id }))
      return
    case 'contact':
      void sync.fetchContact(message.contactId).then(() => send({ type: 'done', id: message.id }))
      return
    case 'resume':
      sync.resume()
      return
    case 'language':
      useLanguage({ language: message.language, digits: message.digits })
      return
    case 'timings':
      sync.setTimings(message.timings)
      return
    case 'stop':
      void sync.stop().then(() => {
        budget.dispose()
        store.close()
        port.close()
      })
      return
    default:
      unknownMessage(message)
  }
})

function unknownMessage(message: never): never {
  throw new Error(`Unknown message to the sync thread: ${JSON.stringify(message)}`)
}
