-- Prefix indexes of 1, 2 and 3 characters on the message index: a search is typed a
-- letter at a time, and without them each short prefix ("o", "مر") merges the lists of
-- every word it begins at each keystroke. The matches are the same; the index is larger.
-- FTS5 cannot add them to an existing index, so it is made again, empty, with the same
-- columns, content and tokenizer as 0001 and automerge off as 0004. Its text is normalised
-- in app code (search/normalize.ts), which SQL cannot do: user_version 0 marks the index
-- as not current, and the store re-indexes every message at this same open
-- (search/reindex.ts), in one transaction.
DROP TABLE `messages_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `messages_fts` USING fts5(
	`content`,
	content='messages',
	content_rowid='row_id',
	prefix='1 2 3',
	tokenize="unicode61 remove_diacritics 2 categories 'L* N* Co M*'"
);
--> statement-breakpoint
INSERT INTO `messages_fts`(`messages_fts`, `rank`) VALUES('automerge', 0);
--> statement-breakpoint
PRAGMA user_version = 0;
