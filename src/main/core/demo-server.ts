// "Try a demo account": the sandbox SkyLight server started in this process on 127.0.0.1,
// with generated data whose statuses and campaigns move on their own. Its data is made
// again from the same seed at each start, on the port it had, so the demo account keeps
// working across restarts (changes made in the demo do not survive a restart).
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox'

// No /__sandbox control routes: one of them lists the demo key, and nothing in the app
// drives the demo over HTTP (statuses and campaigns move on their own).
const DEMO: SandboxOptions = { seed: 7, size: 'demo', accounts: 1, autoAdvance: {}, controlRoutes: 'off' }

export class DemoServer {
  #sandbox: Promise<Sandbox> | undefined
  readonly #onKey: ((apiKey: string) => void) | undefined

  /** `onKey` is told of every key of the demo's accounts (so the log redacts them too). */
  constructor(options: { onKey?: (apiKey: string) => void } = {}) {
    this.#onKey = options.onKey
  }

  /** Starts it once (on `port` if given and free, else on any), and says where it listens. */
  async start(port = 0): Promise<{ url: string; apiKey: string }> {
    this.#sandbox ??= launch(port)
    try {
      const sandbox = await this.#sandbox
      for (const account of sandbox.accounts) for (const key of account.apiKeys) this.#onKey?.(key)
      return { url: sandbox.url, apiKey: sandbox.accounts[0]!.apiKey }
    } catch (error) {
      this.#sandbox = undefined
      throw error
    }
  }

  async stop(): Promise<void> {
    const sandbox = this.#sandbox
    this.#sandbox = undefined
    await (await sandbox?.catch(() => undefined))?.close()
  }
}

async function launch(port: number): Promise<Sandbox> {
  try {
    return await startSandbox({ ...DEMO, port })
  } catch (error) {
    // The old port is taken by something else now: any free one will do.
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE' && port !== 0) return startSandbox({ ...DEMO, port: 0 })
    throw error
  }
}
