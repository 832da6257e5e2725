// A fault-injecting HTTP proxy between a stress child and the sandbox, for the faults the
// sandbox itself does not make: a request the server carried out whose answer is replaced by
// a 502, storms of 429s with long Retry-After, and the server going away for seconds
// (connections refused, open ones cut). Requests it garbles are recorded, so the judge knows
// which carried-out requests the client never heard back from.
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

export interface Garbled {
  method: string
  path: string
  body: unknown
}

export interface ProxyFaults {
  /** Probability that a carried-out POST/PUT/DELETE is answered with a 502 instead. */
  actThen5xxRate: number
  /** The next `count` requests get a 429 with this Retry-After, unforwarded. */
  storm: { count: number; retryAfterS: number } | null
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export class FaultProxy {
  readonly garbled: Garbled[] = []
  faults: ProxyFaults = { actThen5xxRate: 0, storm: null }
  #server: http.Server
  #sockets = new Set<Socket>()
  #port = 0
  #target: URL
  #random: () => number
  #offline = false
  /** Carried-out-or-not requests being relayed: cut by an outage, their answers are lost. */
  #relaying = new Set<Garbled>()

  private constructor(target: string, random: () => number) {
    this.#target = new URL(target)
    this.#random = random
    this.#server = this.#create()
  }

  static async start(target: string, random: () => number): Promise<FaultProxy> {
    const proxy = new FaultProxy(target, random)
    await proxy.#listen()
    return proxy
  }

  get url(): string {
    return `http://127.0.0.1:${this.#port}`
  }

  /** The server goes away for `ms`: new connections are refused and open ones cut. */
  async offlineFor(ms: number): Promise<void> {
    if (this.#offline) return
    this.#offline = true
    // Whatever was being relayed may have been carried out; its answer never arrives.
    this.garbled.push(...this.#relaying)
    this.#relaying.clear()
    const closed = new Promise<void>((resolve) => this.#server.close(() => resolve()))
    for (const socket of this.#sockets) socket.destroy()
    await closed
    await new Promise((resolve) => setTimeout(resolve, ms))
    this.#server = this.#create()
    await this.#listen()
    this.#offline = false
  }

  reset(): void {
    this.faults = { actThen5xxRate: 0, storm: null }
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy()
    await new Promise<void>((resolve) => this.#server.close(() => resolve()))
  }

  #create(): http.Server {
    const server = http.createServer((req, res) => void this.#handle(req, res))
    server.on('connection', (socket) => {
      this.#sockets.add(socket)
      socket.on('close', () => this.#sockets.delete(socket))
    })
    return server
  }

  async #listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject)
      this.#server.listen(this.#port, '127.0.0.1', () => resolve())
    })
    this.#port = (this.#server.address() as AddressInfo).port
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    try {
      for await (const chunk of req) chunks.push(chunk as Buffer)
    } catch {
      // The client went away mid-request (a killed outbox process): nothing to relay.
      res.socket?.destroy()
      return
    }
    const body = Buffer.concat(chunks)
    const storm = this.faults.storm
    if (storm && storm.count > 0 && req.url?.startsWith('/api/')) {
      storm.count--
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(storm.retryAfterS) })
      res.end(JSON.stringify({ success: false, message: 'Too Many Attempts.' }))
      return
    }
    const method = req.method ?? 'GET'
    const garble = MUTATING.has(method) && req.url?.startsWith('/api/') === true && this.#random() < this.faults.actThen5xxRate
    const upstream = http.request(new URL(req.url ?? '/', this.#target), { method, headers: { ...req.headers, host: this.#target.host }, agent: false })
    const relaying: Garbled = { method, path: new URL(req.url ?? '/', this.#target).pathname, body: parseBody(body, req.headers['content-type']) }
    if (MUTATING.has(method)) this.#relaying.add(relaying)
    res.on('finish', () => this.#relaying.delete(relaying))
    upstream.on('response', async (answer) => {
      const parts: Buffer[] = []
      try {
        for await (const chunk of answer) parts.push(chunk as Buffer)
      } catch {
        res.socket?.destroy()
        return
      }
      const status = answer.statusCode ?? 502
      if (garble && status < 400) {
        this.#relaying.delete(relaying)
        this.garbled.push(relaying)
        res.writeHead(502, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ success: false, message: 'Bad gateway.' }))
        return
      }
      const headers = { ...answer.headers }
      delete headers['transfer-encoding']
      headers['content-length'] = String(Buffer.concat(parts).length)
      res.writeHead(status, headers)
      res.end(Buffer.concat(parts))
    })
    // The sandbox cut the connection (its own drop faults): cut ours too.
    upstream.on('error', () => res.socket?.destroy())
    upstream.end(body)
  }
}

function parseBody(body: Buffer, type: string | undefined): unknown {
  if (!type?.includes('json')) return null
  try {
    return JSON.parse(body.toString('utf8'))
  } catch {
    return null
  }
}
