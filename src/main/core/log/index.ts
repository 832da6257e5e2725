// The log: a rotating, redacting file logger for main and the core (plain Node).
import type { Logger } from './logger'

export { createLogger, type Logger, type LoggerOptions, type LogLevel } from './logger'
export { redactText } from './redact'
export { KnownSecrets } from './known-secrets'

/** What the core needs of the log: to be told of each API key it comes to hold. */
export type SecretRedactor = Pick<Logger, 'addSecret' | 'removeSecret'>
