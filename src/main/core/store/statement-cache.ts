// drizzle prepares every query afresh, so during a sync SQLite compiles the same few SQL
// texts hundreds of thousands of times (a fifth of a first sync's CPU). Handing drizzle a
// cached statement instead, reset to the defaults a fresh one has, removes that cost.
import type Database from 'better-sqlite3'

export function cacheStatements(sqlite: Database.Database, max = 1000): void {
  const cache = new Map<string, Database.Statement>()
  const prepare = sqlite.prepare.bind(sqlite)
  sqlite.prepare = ((source: string) => {
    let statement = cache.get(source)
    if (statement) {
      // Most recently used last, so the first key is the one to drop when full.
      cache.delete(source)
    } else {
      statement = prepare(source)
      if (cache.size >= max) cache.delete(cache.keys().next().value!)
    }
    cache.set(source, statement)
    // drizzle switches readers to raw (array) rows for some queries; a fresh statement is not.
    if (statement.reader) statement.raw(false)
    return statement
  }) as typeof sqlite.prepare
}
