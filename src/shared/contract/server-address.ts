// Which server addresses the app accepts, decided the same way in the contract (at the
// edge) and in the core: https:// for any server, plain http:// only for this computer
// (the sandbox and the demo server listen on 127.0.0.1), and never a user name or password
// in the address (the key is what signs in, and an address is stored as given).
// Runs anywhere (interface and core): the WHATWG URL parser only.

/** 127.0.0.0/8, localhost and ::1, as the URL parser writes them (it normalizes 127.1, [0:…:1]…). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase()
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
}

/** The address as the app uses it: a scheme is added when none is given (https). */
export function withScheme(input: string): string {
  const trimmed = input.trim()
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`
}

/** What is wrong with a server address, in words for the user; undefined when it is fine. */
export function serverAddressProblem(input: string): string | undefined {
  let url: URL
  try {
    url = new URL(withScheme(input))
  } catch {
    // Not echoed back: an address can carry a password.
    return 'That is not a valid server address. Enter an address like https://dashboard.skylightchat.com'
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'The server address must start with https://'
  if (url.username || url.password) {
    return 'Remove the user name and password from the server address: SkyLight Desk signs in with your API key only.'
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return 'Use an https:// address: over http:// your API key would travel unencrypted. (Plain http:// is accepted only for a server on this computer.)'
  }
  return undefined
}
