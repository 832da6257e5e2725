// Redaction of secrets in log text. API keys must never reach a log file (DESIGN.md,
// "Security"), so every line passes through here just before it is written, whatever
// produced it: our own messages, error messages from libraries, serialized requests.

const REDACTED = '[redacted]'

/** SkyLight keys look like sk_live_… / sk_test_…; matched anywhere, even glued to other text. */
const API_KEY = /(sk_(?:live|test)_)[A-Za-z0-9_-]+/g
/** `X-Api-Key: v`, `"authorization":"Bearer v"`, `Authorization=v` — the value up to a delimiter. */
const SECRET_HEADER =
  /\b((?:x-api-key|authorization|proxy-authorization)\\?["']?\s*[:=]\s*\\?["']?)([^\r\n"'\\,;}&]+)/gi
/** Credentials after the Bearer scheme, wherever the header name was lost. */
const AUTH_SCHEME = /\b(Bearer)\s+[A-Za-z0-9._~+/=-]+/gi
/** Keys passed in a query string. */
const QUERY_SECRET = /([?&](?:api[_-]?key|access[_-]?token|token|key)=)[^&\s"'#]+/gi

export function redactText(text: string, secrets: Iterable<string> = []): string {
  let out = text
  // Registered secrets first, longest first, so a secret that contains a shorter one is
  // removed whole rather than leaving fragments.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    out = out.split(secret).join(REDACTED)
    // The same secret as it appears inside JSON text (quotes and backslashes escaped).
    const escaped = JSON.stringify(secret).slice(1, -1)
    if (escaped !== secret) out = out.split(escaped).join(REDACTED)
  }
  return out
    .replace(API_KEY, `$1${REDACTED}`)
    .replace(SECRET_HEADER, `$1${REDACTED}`)
    .replace(AUTH_SCHEME, `$1 ${REDACTED}`)
    .replace(QUERY_SECRET, `$1${REDACTED}`)
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
