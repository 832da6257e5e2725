// Starts the sandbox in its own process (so a benchmark measures the client alone) and
// talks to its control routes over HTTP.
import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'

export interface SandboxProcess {
  child: ChildProcess
  url: string
  accounts: { id: number; apiKey: string }[]
  control<T = unknown>(method: string, path: string, body?: unknown): Promise<T>
  stop(): void
}

export async function startSandboxProcess(args: string[]): Promise<SandboxProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/sandbox/cli.ts', '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let url = ''
  const accounts: { id: number; apiKey: string }[] = []
  for await (const line of createInterface({ input: child.stdout! })) {
    url ||= /listening on (\S+)/.exec(line)?.[1] ?? ''
    const account = /^\s+account (\d+) .*: (\S+)$/.exec(line)
    if (account) accounts.push({ id: Number(account[1]), apiKey: account[2]! })
    if (line.startsWith('Control routes')) break
  }
  if (!url || accounts.length === 0) throw new Error('The sandbox did not start')
  child.stdout!.resume()
  return {
    child,
    url,
    accounts,
    async control<T>(method: string, path: string, body?: unknown): Promise<T> {
      const response = await fetch(`${url}/__sandbox${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
      const json = (await response.json()) as { data?: T }
      if (!response.ok) throw new Error(`sandbox control ${method} ${path}: ${response.status} ${JSON.stringify(json)}`)
      return json.data as T
    },
    stop: () => void child.kill('SIGTERM'),
  }
}
