// What this thread's event loop went through while something ran, told two ways:
//   delay — how late a 1 ms timer fired (wall time): the thread's own work, and also any
//           time the OS gave its CPU to other threads or the machine stalled on its disk;
//   block — the longest stretch of this thread's own CPU time between two turns of its
//           loop (its work), or the longest garbage-collection pause (which also waits for
//           the collector's helper threads), whichever is longer.
// An idle process beside it (idleProbe) shows how late timers fire on this machine anyway.
import { spawn } from 'node:child_process'
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks'

export interface LoopFigures {
  delayMaxMs: number
  delayP999Ms: number
  /** Null where Node cannot tell a thread's own CPU time (before 22.19). */
  blockMaxMs: number | null
  gcMaxMs: number
  cpuMs: number | null
}

const threadCpuMs = (): number | null => {
  if (typeof process.threadCpuUsage !== 'function') return null
  const { user, system } = process.threadCpuUsage()
  return (user + system) / 1000
}

export function watchLoop(): { stop(): LoopFigures } {
  const delay = monitorEventLoopDelay({ resolution: 1 })
  delay.enable()
  const startCpu = threadCpuMs()
  let lastCpu = startCpu
  let blockMax = 0
  let gcMax = 0
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMax = Math.max(gcMax, entry.duration)
  })
  gc.observe({ entryTypes: ['gc'] })
  const tick = setInterval(() => {
    const cpu = threadCpuMs()
    if (cpu !== null && lastCpu !== null) blockMax = Math.max(blockMax, cpu - lastCpu)
    lastCpu = cpu
  }, 1)
  return {
    stop() {
      clearInterval(tick)
      delay.disable()
      gc.disconnect()
      const endCpu = threadCpuMs()
      return {
        delayMaxMs: delay.max / 1e6,
        delayP999Ms: delay.percentile(99.9) / 1e6,
        blockMaxMs: startCpu === null ? null : Math.max(blockMax, gcMax),
        gcMaxMs: gcMax,
        cpuMs: startCpu === null || endCpu === null ? null : endCpu - startCpu,
      }
    },
  }
}

// The probe's own program: a loop with nothing to do, reporting how late its timers fired.
const probe = `
const { monitorEventLoopDelay } = require('node:perf_hooks')
const delay = monitorEventLoopDelay({ resolution: 1 })
delay.enable()
process.stdin.resume()
process.stdin.on('end', () => {
  delay.disable()
  process.stdout.write(JSON.stringify({ delayMaxMs: delay.max / 1e6 }))
})`

/** An idle Node process; stop() says how late its timers fired meanwhile. */
export function idleProbe(): { stop(): Promise<{ delayMaxMs: number }> } {
  const child = spawn(process.execPath, ['-e', probe], { stdio: ['pipe', 'pipe', 'inherit'] })
  let out = ''
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk))
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
  return {
    async stop() {
      child.stdin!.end()
      await exited
      return JSON.parse(out) as { delayMaxMs: number }
    },
  }
}
