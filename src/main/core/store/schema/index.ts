// Every table, for drizzle-kit and for callers that want them all at once.
export * from './account'
export * from './contacts'
export * from './groups'
export * from './messages'
export * from './media'
export * from './campaigns'
export * from './sync-state'
export * from './outbox'
