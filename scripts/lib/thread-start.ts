// How long a sync thread takes from `new Worker` to ready (store open, client made) in the
// built app's bundle, beside a bare worker that only says it is ready: Node's own floor.
// CPU is the process's (all threads), so it counts the thread's loading work too.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { SkyLightApi } from '../../src/main/core/skylight'
import type { StoreDb } from '../../src/main/core/store'
import { SyncThread } from '../../src/main/core/sync/thread/sync-thread'

export interface StartFigures {
  wallMs: number[]
  cpuMs: number[]
}

const BUILT = resolve('out/main/sync-thread.js')

export function builtThreadExists(): boolean {
  return existsSync(BUILT)
}

/** The built thread's module, as the app starts it. */
export const builtThreadEntry = (): URL => pathToFileURL(BUILT)

export async function builtThreadStart(runs: number, path: string, db: StoreDb, api: SkyLightApi): Promise<StartFigures> {
  return measure(runs, async () => {
    const thread = new SyncThread({ path, db, api, onEvent: () => {}, entry: builtThreadEntry(), timings: { pollMs: 3_600_000 } })
    await thread.ready()
    return () => thread.stop()
  })
}

export async function bareWorkerStart(runs: number): Promise<StartFigures> {
  return measure(runs, async () => {
    const worker = new Worker("require('node:worker_threads').parentPort.postMessage('ready')", { eval: true })
    await new Promise((done) => worker.once('message', done))
    return () => worker.terminate()
  })
}

async function measure(runs: number, start: () => Promise<() => unknown>): Promise<StartFigures> {
  const figures: StartFigures = { wallMs: [], cpuMs: [] }
  for (let i = 0; i < runs; i++) {
    const cpu = process.cpuUsage()
    const t = performance.now()
    const stop = await start()
    figures.wallMs.push(performance.now() - t)
    const used = process.cpuUsage(cpu)
    figures.cpuMs.push((used.user + used.system) / 1000)
    await stop()
  }
  return figures
}
