// The shape of a message catalog. Each area of the app (frame, inbox, …) has one English and
// one Arabic module under messages/en and messages/ar: a function of a Formatter returning
// its messages, plain strings or typed functions of their parameters. The Arabic module is
// typed as `typeof` its English one, so a missing key or a parameter of the wrong type does
// not compile; test/i18n/catalogs.test.ts also fails on unused keys and duplicates.
import type { Formatter } from './formatter'

export type Message = string | ((params: never) => string)
export type Area = (f: Formatter) => Record<string, Message>

/** Every message as a function, so a call site reads the same for both kinds: m.key(). */
export type Callable<C> = { [K in keyof C]: C[K] extends string ? () => string : C[K] }

/** A catalog's messages, every one callable (a plain string becomes a function returning it). */
export function callable<C extends Record<string, Message>>(raw: C): Callable<C> {
  const out: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(raw)) out[name] = typeof value === 'function' ? value : () => value
  return out as Callable<C>
}
