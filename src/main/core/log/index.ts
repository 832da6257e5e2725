// The log: a rotating, redacting file logger for main and the core (plain Node).
export { createLogger, type Logger, type LoggerOptions, type LogLevel } from './logger'
export { redactText } from './redact'
