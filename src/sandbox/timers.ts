// Every timer the sandbox starts goes through here, so close() can stop them all at once.

export class TimerSet {
  private readonly sleeps = new Map<NodeJS.Timeout, () => void>()
  private readonly timeouts = new Set<NodeJS.Timeout>()
  private readonly intervals = new Set<NodeJS.Timeout>()

  /** Resolves after `ms`, or at once when the set is cleared (so no request hangs on close). */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const handle = setTimeout(() => {
        this.sleeps.delete(handle)
        resolve()
      }, ms)
      this.sleeps.set(handle, resolve)
    })
  }

  later(ms: number, fn: () => void): void {
    const handle = setTimeout(() => {
      this.timeouts.delete(handle)
      fn()
    }, ms)
    this.timeouts.add(handle)
  }

  every(ms: number, fn: () => void): NodeJS.Timeout {
    const handle = setInterval(fn, ms)
    this.intervals.add(handle)
    return handle
  }

  cancel(handle: NodeJS.Timeout): void {
    clearInterval(handle)
    this.intervals.delete(handle)
  }

  clearAll(): void {
    for (const handle of this.intervals) clearInterval(handle)
    this.intervals.clear()
    for (const handle of this.timeouts) clearTimeout(handle)
    this.timeouts.clear()
    const sleeping = [...this.sleeps]
    this.sleeps.clear()
    for (const [handle, resolve] of sleeping) {
      clearTimeout(handle)
      resolve()
    }
  }
}
