// A small route table: "/contacts/{id}/tags/{tag_id}" patterns with integer params,
// matched in registration order (so /contacts/lists is registered before /contacts/{id}).
import type { IncomingMessage } from 'node:http'
import type { AccountStore } from '../data/account-store'
import type { World } from '../data/world'
import type { Result } from './respond'

export interface RouteContext {
  world: World
  store: AccountStore
  params: Record<string, number>
  query: URLSearchParams
  body: unknown
  req: IncomingMessage
  /** The sandbox clock at the start of the request. */
  now: number
}

export type Handler = (ctx: RouteContext) => Result | Promise<Result>

export interface RouteOptions {
  /** The handler reads the request stream itself (multipart uploads). */
  raw?: boolean
}

interface Route {
  method: string
  regex: RegExp
  names: string[]
  handler: Handler
  options: RouteOptions
}

export type Match =
  | { kind: 'found'; handler: Handler; params: Record<string, number>; options: RouteOptions }
  | { kind: 'method-not-allowed' }
  | { kind: 'not-found' }

export class Router {
  private readonly routes: Route[] = []

  add(method: string, pattern: string, handler: Handler, options: RouteOptions = {}): this {
    const names: string[] = []
    const source = pattern.replace(/\{(\w+)\}/g, (_, name: string) => {
      names.push(name)
      return '(\\d+)'
    })
    this.routes.push({ method, regex: new RegExp(`^${source}/?$`), names, handler, options })
    return this
  }

  get(pattern: string, handler: Handler): this {
    return this.add('GET', pattern, handler)
  }
  post(pattern: string, handler: Handler, options?: RouteOptions): this {
    return this.add('POST', pattern, handler, options)
  }
  put(pattern: string, handler: Handler): this {
    return this.add('PUT', pattern, handler)
  }
  patch(pattern: string, handler: Handler): this {
    return this.add('PATCH', pattern, handler)
  }
  delete(pattern: string, handler: Handler): this {
    return this.add('DELETE', pattern, handler)
  }

  match(method: string, path: string): Match {
    let pathMatched = false
    for (const route of this.routes) {
      const m = route.regex.exec(path)
      if (!m) continue
      pathMatched = true
      if (route.method !== method && !(method === 'HEAD' && route.method === 'GET')) continue
      const params: Record<string, number> = {}
      route.names.forEach((name, i) => (params[name] = Number(m[i + 1])))
      return { kind: 'found', handler: route.handler, params, options: route.options }
    }
    return pathMatched ? { kind: 'method-not-allowed' } : { kind: 'not-found' }
  }
}
