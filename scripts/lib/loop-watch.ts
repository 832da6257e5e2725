// What this thread's event loop went through while something ran, told three ways:
//   delay — how late a 1 ms timer fired (wall time): the thread's own work, and also any
//           time the OS gave its CPU to other threads or the machine stalled on its disk;
//   block — the longest stretch of this thread's own CPU time between two turns of its
//           loop (with the turn after it, see Turn), less the garbage-collection pauses
//           that fell inside it: its own work;
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

/**
 * Linux reads a running thread's CPU time as of its last scheduler tick: read straight after
 * a block, process.threadCpuUsage() falls short by up to 8 ms here (measured), and the rest
 * shows at the next reading after the thread has slept. So a turn's block is counted with
 * the turn after it (a millisecond's timer, mostly asleep): an upper bound, never short.
 */
interface Turn {
  at: number
  cpuMs: number
}

export function watchLoop(): { stop(): LoopFigures } {
  const delay = monitorEventLoopDelay({ resolution: 1 })
  delay.enable()
  const startCpu = threadCpuMs()
  let lastCpu = startCpu
  // Every turn of a 1 ms timer: about 30k over a bench run, kept whole.
  const turns: Turn[] = [{ at: performance.now(), cpuMs: 0 }]
  const pauses: { at: number; ms: number }[] = []
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) pauses.push({ at: entry.startTime, ms: entry.duration })
  })
  gc.observe({ entryTypes: ['gc'] })
  const tick = setInterval(() => {
    const cpu = threadCpuMs()
    if (cpu !== null && lastCpu !== null) turns.push({ at: performance.now(), cpuMs: cpu - lastCpu })
    lastCpu = cpu
  }, 1)
  return {
    stop() {
      clearInterval(tick)
      delay.disable()
      gc.disconnect()
      const endCpu = threadCpuMs()
      const known = startCpu !== null
      // A block's own work: the CPU of its turn and the next, less the collector's pauses
      // that began inside them. A block over a frame is counted once, with the turn after it.
      let blockMax = 0
      let overFrame = 0
      for (let i = 1; i < turns.length; i++) {
        const next = turns[i + 1]
        const cpu = turns[i]!.cpuMs + (next?.cpuMs ?? 0)
        if (cpu <= blockMax && cpu <= 16) continue
        const from = turns[i - 1]!.at
        const to = next?.at ?? turns[i]!.at
        const collecting = pauses.filter((p) => p.at >= from && p.at <= to).reduce((sum, p) => sum + p.ms, 0)
        const own = Math.max(0, cpu - collecting)
        blockMax = Math.max(blockMax, own)
        if (own > 16) {
          overFrame++
          i++
        }
      }
      return {
        delayMaxMs: delay.max / 1e6,
        delayP999Ms: delay.percentile(99.9) / 1e6,
        blockMaxMs: known ? blockMax : null,
        blocksOverFrame: known ? overFrame : null,
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
