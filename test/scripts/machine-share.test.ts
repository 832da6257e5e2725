// The benchmarks' account of who had the processors: CPU spent by a process this one started
// counts as the benchmark's own (Chromium and the sandbox are such processes), not as other
// load on the machine. Linux only: it reads /proc.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { cpuSnapshot, describeShare, machineShare } from '../../scripts/lib/machine-share'

describe.skipIf(!existsSync('/proc/stat'))('machine share', () => {
  it("counts a child's CPU as the benchmark's own, after the child has exited too", async () => {
    const from = cpuSnapshot()!
    // Busy for 400 ms of its own CPU, then it reports how much it used and exits.
    const child = spawn(process.execPath, ['-e', 'const s = process.cpuUsage(); while (process.cpuUsage(s).user < 400_000); console.log(JSON.stringify(process.cpuUsage()))'])
    let out = ''
    child.stdout.on('data', (chunk) => (out += chunk))
    await once(child, 'exit')
    const to = cpuSnapshot()!
    const used = JSON.parse(out) as { user: number; system: number }
    const childMs = (used.user + used.system) / 1000
    const share = machineShare(from, to)
    const oursMs = share.ours * share.wallMs * share.cpus
    // Ticks are 10 ms; this process's own CPU meanwhile only adds to it.
    expect(oursMs).toBeGreaterThanOrEqual(childMs - 20)
    expect(describeShare(from, to)).toMatch(/^this benchmark \d+%, everything else \d+%, steal \d+% of \d+ CPUs$/)
  })
})
