// With automerge off (migration 0004), every write that adds index segments pays a small,
// bounded share of the merging instead: at most MERGE_PAGES pages of merged data, and
// nothing unless a level holds enough segments to be worth merging ('usermerge', 4).
// Spreading the work this way keeps each sync page far below one frame.
import type { StoreDb } from '../db'
import { sqliteOf } from '../writes/upsert-rows'

const MERGE_PAGES = 16

export function mergeStep(db: StoreDb, index: 'messages_fts' | 'contacts_fts'): void {
  sqliteOf(db).prepare(`INSERT INTO ${index}(${index}, rank) VALUES('merge', ${MERGE_PAGES})`).run()
}
