// What the app's web contents may load. The page is the app and nothing else: it never
// navigates away, never opens windows, never embeds webviews; an http(s) link the user
// clicks opens in their browser instead. Decisions are pure; guardWebContents applies them.
import type { WebContents } from 'electron'
import { APP_ENTRY_URL } from './app-files'

export type UrlCheck = (url: string) => boolean

/**
 * Recognizes the app's own page: app://desk/index.html (app-files.ts), or in development
 * the Vite dev server's origin. Anything else (a file, another page, a look-alike host) is
 * foreign.
 */
export function appUrlMatcher(options: { devServerUrl?: string | undefined } = {}): UrlCheck {
  const devOrigin = options.devServerUrl ? parse(options.devServerUrl)?.origin : undefined
  const entry = parse(APP_ENTRY_URL)!
  return (url) => {
    const parsed = parse(url)
    if (!parsed) return false
    if (devOrigin !== undefined) return parsed.origin === devOrigin
    return (
      parsed.protocol === entry.protocol &&
      parsed.host === entry.host &&
      parsed.pathname === entry.pathname &&
      !parsed.username &&
      !parsed.password
    )
  }
}

/** The address to hand to the user's browser, if the link is one a browser should open. */
export function externalLink(url: string): string | undefined {
  const parsed = parse(url)
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) return undefined
  // Credentials in a link are a phishing trick, not something to pass on.
  if (parsed.username || parsed.password) return undefined
  return parsed.href
}

/** The parts of WebContents the guard uses (so tests can hand in a stand-in). */
export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>

export function guardWebContents(contents: GuardedContents, isAppUrl: UrlCheck, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return
    event.preventDefault()
    const link = externalLink(event.url)
    if (link) openExternal(link)
  })
  // Redirects of an allowed navigation are held to the same rule.
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    const link = externalLink(url)
    if (link) openExternal(link)
    return { action: 'deny' }
  })
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url)
  } catch {
    return undefined
  }
}
