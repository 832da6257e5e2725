// Who had the processors while a benchmark ran. The load average cannot say: on two cores the
// benchmark itself (Chromium, the core, the sandbox) makes most of it, so a reading of 2 may
// be a machine otherwise idle. Linux's own accounting can: the CPU time every process spent
// (/proc/stat) is split into this benchmark's (its process and every process below it) and
// everything else's, beside the time the hypervisor gave to other machines (steal).
import { readdirSync, readFileSync } from 'node:fs'
import { cpus } from 'node:os'

/** Kernel clock ticks, in which /proc counts CPU time (USER_HZ: 100 on every Linux build in use). */
const TICK_MS = 10

export interface CpuSnapshot {
  atMs: number
  /** Ticks every CPU spent busy (user, nice, system, irq, softirq). */
  busy: number
  steal: number
  /** Ticks this process and its descendants spent, reaped children included. */
  ours: number
}

export interface MachineShare {
  cpus: number
  wallMs: number
  /** Each a share of the processors' time over the interval, 0–1. */
  ours: number
  others: number
  steal: number
}

/** Now, or null where /proc is not there to read (not Linux). */
export function cpuSnapshot(): CpuSnapshot | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number)
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields
    return { atMs: performance.now(), busy: user + nice + system + irq + softirq, steal, ours: treeTicks(process.pid) }
  } catch {
    return null
  }
}

export function machineShare(from: CpuSnapshot, to: CpuSnapshot): MachineShare {
  const count = cpus().length
  const wallMs = to.atMs - from.atMs
  const of = (ticks: number) => Math.max(0, (ticks * TICK_MS) / (wallMs * count))
  const ours = of(to.ours - from.ours)
  return { cpus: count, wallMs, ours, others: Math.max(0, of(to.busy - from.busy) - ours), steal: of(to.steal - from.steal) }
}

/** "this benchmark 71%, everything else 2%, steal 0% of 2 CPUs", or why it is unknown. */
export function describeShare(from: CpuSnapshot | null, to: CpuSnapshot | null = cpuSnapshot()): string {
  if (!from || !to) return 'CPU shares unknown (no /proc)'
  const share = machineShare(from, to)
  const pct = (n: number) => `${Math.round(n * 100)}%`
  return `this benchmark ${pct(share.ours)}, everything else ${pct(share.others)}, steal ${pct(share.steal)} of ${share.cpus} CPUs`
}

/** CPU ticks of `root` and every process below it (a child's exited children count in its own). */
function treeTicks(root: number): number {
  const children = new Map<number, number[]>()
  const ticks = new Map<number, number>()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    let stat: string
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8')
    } catch {
      continue // it ended while being read
    }
    // After the command's name, which may itself hold spaces and parentheses.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const pid = Number(name)
    const ppid = Number(rest[1])
    // utime, stime, cutime, cstime: fields 14–17 of proc(5), counted from the state (field 3).
    ticks.set(pid, Number(rest[11]) + Number(rest[12]) + Number(rest[13]) + Number(rest[14]))
    const siblings = children.get(ppid)
    if (siblings) siblings.push(pid)
    else children.set(ppid, [pid])
  }
  let total = 0
  const queue = [root]
  while (queue.length > 0) {
    const pid = queue.pop()!
    total += ticks.get(pid) ?? 0
    queue.push(...(children.get(pid) ?? []))
  }
  return total
}
