// What this thread's event loop went through while something ran, told three ways:
//   delay — how late a 1 ms timer fired (wall time): the thread's own work, and also any
//           time the OS gave its CPU to other threads or the machine stalled on its disk;
//   block — the longest stretch of this thread's own CPU time between two turns of its
//           loop, less the garbage-collection pauses that fell inside it: its own work;
//   gc    — the longest garbage-collection pause (wall time: it also waits for the
//           collector's helper threads, and stretches when other processes hold the CPU).
// An idle process beside it (idleProbe) shows how late timers fire on this machine anyway.
import { spawn } from 'node:child_process'
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks'

export interface LoopFigures {
  delayMaxMs: number
  delayP999Ms: number
  /** The longest block of the thread's own CPU work, GC pauses taken out; null before Node 22.19. */
  blockMaxMs: number | null
  /** Blocks of own work longer than a frame (16 ms). */
  blocksOverFrame: number | null
  gcMaxMs: number
  cpuMs: number | null
}

const threadCpuMs = (): number | null => {
  if (typeof process.threadCpuUsage !== 'function') return null
  const { user, system } = process.threadCpuUsage()
  return (user + system) / 1000
}

interface Stretch {
  from: number
  to: number
  cpuMs: number
}

/** CPU stretches shorter than this are not kept (a frame is 16 ms). */
const KEEP_OVER_MS = 4

export function watchLoop(): { stop(): LoopFigures } {
  const delay = monitorEventLoopDelay({ resolution: 1 })
  delay.enable()
  const startCpu = threadCpuMs()
  let lastCpu = startCpu
  let lastAt = performance.now()
  const stretches: Stretch[] = []
  /** The longest stretch too short to keep (no GC pause is taken out of those). */
  let shortMax = 0
  const pauses: { at: number; ms: number }[] = []
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) pauses.push({ at: entry.startTime, ms: entry.duration })
  })
  gc.observe({ entryTypes: ['gc'] })
  const tick = setInterval(() => {
    const cpu = threadCpuMs()
    const at = performance.now()
    if (cpu !== null && lastCpu !== null) {
      if (cpu - lastCpu > KEEP_OVER_MS) stretches.push({ from: lastAt, to: at, cpuMs: cpu - lastCpu })
      else shortMax = Math.max(shortMax, cpu - lastCpu)
    }
    lastCpu = cpu
    lastAt = at
  }, 1)
  return {
    stop() {
      clearInterval(tick)
      delay.disable()
      gc.disconnect()
      const endCpu = threadCpuMs()
      // A stretch's own work: its CPU time less the collector's pauses that began inside it.
      const own = stretches.map((s) => {
        const collecting = pauses.filter((p) => p.at >= s.from && p.at <= s.to).reduce((sum, p) => sum + p.ms, 0)
        return Math.max(0, s.cpuMs - collecting)
      })
      const known = startCpu !== null
      return {
        delayMaxMs: delay.max / 1e6,
        delayP999Ms: delay.percentile(99.9) / 1e6,
        blockMaxMs: known ? Math.max(shortMax, ...own) : null,
        blocksOverFrame: known ? own.filter((ms) => ms > 16).length : null,
        gcMaxMs: Math.max(0, ...pauses.map((p) => p.ms)),
        cpuMs: !known || endCpu === null ? null : endCpu - startCpu,
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
