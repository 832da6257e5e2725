// Redaction of secrets in log text. API keys must never reach a log file (DESIGN.md,
// "Security"), so every line passes through here just before it is written, whatever
// produced it: our own messages, error messages from libraries, serialized requests.
// Two layers: the keys the app knows (registered as it is given or reads each one, found
// in any encoding: known-secrets.ts), then patterns for credentials it was never told of.
import { KnownSecrets, REDACTED } from './known-secrets'

/** SkyLight keys look like sk_live_… / sk_test_…; matched anywhere, even glued to other text. */
const API_KEY = /(sk_(?:live|test)_)[A-Za-z0-9_-]+/g
/**
 * `X-Api-Key: v`, `"authorization":"Bearer v"`, `Authorization=v`, `X_API_KEY=v` — the value
 * up to a delimiter, the name in any case and with `-`, `_` or nothing between its words.
 */
const SECRET_HEADER =
  /\b((?:x[-_]?api[-_]?key|api[-_]?key|authorization|proxy[-_]?authorization)\\?["']?\s*[:=]\s*\\?["']?)([^\r\n"'\\,;}&]+)/gi
/**
 * Credentials after the Bearer or Basic scheme, wherever the header name was lost (Basic
 * only before something as long as encoded credentials, not before an English word).
 */
const AUTH_SCHEME = /\b(Bearer\s+[A-Za-z0-9._~+/=-]+|Basic\s+[A-Za-z0-9+/=]{16,})/gi
/** A password in a URL: scheme://user:password@host. */
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@"']*:)[^\s/@"']+@/gi
/** Keys passed in a query string. */
const QUERY_SECRET = /([?&](?:api[_-]?key|access[_-]?token|token|key)=)[^&\s"'#]+/gi

export function redactText(text: string, secrets: KnownSecrets | Iterable<string> = []): string {
  const known = secrets instanceof KnownSecrets ? secrets : knownFrom(secrets)
  return known
    .redact(text)
    .replace(API_KEY, `$1${REDACTED}`)
    .replace(SECRET_HEADER, `$1${REDACTED}`)
    .replace(AUTH_SCHEME, (match: string) => `${match.slice(0, match.search(/\s/))} ${REDACTED}`)
    .replace(QUERY_SECRET, `$1${REDACTED}`)
    .replace(URL_PASSWORD, `$1${REDACTED}@`)
}

function knownFrom(secrets: Iterable<string>): KnownSecrets {
  const known = new KnownSecrets()
  for (const secret of secrets) known.add(secret)
  return known
}

/** Property names whose values are secret whatever they look like (compared without case or separators). */
const SECRET_KEYS = new Set([
  'xapikey',
  'apikey',
  'key',
  'authorization',
  'proxyauthorization',
  'token',
  'accesstoken',
  'refreshtoken',
  'secret',
  'password',
  'cookie',
  'setcookie',
])

export function isSecretKey(name: string): boolean {
  return SECRET_KEYS.has(name.toLowerCase().replace(/[^a-z0-9]/g, ''))
}

export { REDACTED }
