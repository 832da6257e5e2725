-- FTS5 merges index segments on its own at commit, and a large merge held a 100-row sync
-- page for 20+ ms. With automerge off, each indexing write asks for a bounded step of merge
-- work instead (see search/merge-step.ts); crisismerge still guards the worst case.
INSERT INTO `messages_fts`(`messages_fts`, `rank`) VALUES('automerge', 0);
--> statement-breakpoint
INSERT INTO `contacts_fts`(`contacts_fts`, `rank`) VALUES('automerge', 0);
