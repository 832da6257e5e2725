// The app's log: one line per entry (multi-line for stacks) in a size-capped rotating file,
// with every secret removed before it is written. Plain Node, so the core can use it too.
import { formatValue } from './format'
import { KnownSecrets } from './known-secrets'
import { redactText } from './redact'
import { RotatingFile } from './rotating-file'

export type LogLevel = 'info' | 'warn' | 'error'

export interface Logger {
  info(message: string, ...details: unknown[]): void
  warn(message: string, ...details: unknown[]): void
  error(message: string, ...details: unknown[]): void
  /** A value that must never appear in the log (an API key once it is known, say). */
  addSecret(secret: string): void
  /** Stops redacting a secret that is gone (an account removed). */
  removeSecret(secret: string): void
  /** The log files, newest first (for "open the log folder" and for tests). */
  files(): string[]
  close(): void
}

export interface LoggerOptions {
  dir: string
  fileName?: string
  maxBytes?: number
  generations?: number
  /** Longest entry kept; a huge payload is cut rather than flushing older lines away. */
  maxEntryChars?: number
  /** Also hand each redacted entry here (the terminal in development). */
  echo?: (level: LogLevel, entry: string) => void
  now?: () => Date
}

/** Shorter strings are not registered as secrets: redacting them would shred the log. */
const MIN_SECRET_LENGTH = 6

export function createLogger(options: LoggerOptions): Logger {
  const file = new RotatingFile({
    dir: options.dir,
    fileName: options.fileName ?? 'main.log',
    maxBytes: options.maxBytes ?? 1_000_000,
    generations: options.generations ?? 3,
  })
  const secrets = new KnownSecrets()
  const maxEntryChars = options.maxEntryChars ?? 32_000
  const now = options.now ?? (() => new Date())

  function write(level: LogLevel, message: string, details: unknown[]): void {
    let entry: string
    try {
      const text = [message, ...details.map(formatValue)].join(' ')
      entry = redactText(`${now().toISOString()} ${level.toUpperCase()} ${text}`, secrets)
    } catch {
      entry = `${now().toISOString()} ${level.toUpperCase()} [an entry could not be formatted]`
    }
    // Cut after redaction, so a cut can never expose part of a secret the patterns needed whole.
    if (entry.length > maxEntryChars) entry = `${entry.slice(0, maxEntryChars)} … [truncated]`
    options.echo?.(level, entry)
    try {
      file.write(`${entry}\n`)
    } catch {
      // A full disk or a locked file must not take the app down with it; the entry is lost.
    }
  }

  return {
    info: (message, ...details) => write('info', message, details),
    warn: (message, ...details) => write('warn', message, details),
    error: (message, ...details) => write('error', message, details),
    addSecret: (secret) => {
      if (secret.length >= MIN_SECRET_LENGTH) secrets.add(secret)
    },
    removeSecret: (secret) => {
      secrets.delete(secret)
    },
    files: () => file.files(),
    close: () => file.close(),
  }
}
