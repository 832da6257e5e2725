// The listening socket, which can go away and come back on the same port: "offline"
// must give clients a real ECONNREFUSED, not a polite error response.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void

export class ListeningServer {
  private server: Server | null = null
  private port = 0

  constructor(
    private readonly handler: RequestHandler,
    private readonly host: string,
  ) {}

  get boundPort(): number {
    return this.port
  }

  get online(): boolean {
    return this.server !== null
  }

  async listen(port: number): Promise<number> {
    if (this.server) return this.port
    const server = createServer(this.handler)
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, this.host, () => {
        server.off('error', reject)
        resolve()
      })
    })
    this.server = server
    this.port = (server.address() as AddressInfo).port
    return this.port
  }

  /** Stops listening and cuts every open connection, in flight or idle. */
  async stop(): Promise<void> {
    const server = this.server
    if (!server) return
    this.server = null
    const closed = new Promise<void>((resolve) => server.close(() => resolve()))
    server.closeAllConnections()
    await closed
  }

  /** Listens again on the port it had. */
  async restart(): Promise<void> {
    await this.listen(this.port)
  }
}
