-- Full-text search over message text and over contact name, email and phone.
-- Both indexes are written by the store's write functions with text normalised in app
-- code (search/normalize.ts: Arabic harakat and tatweel stripped, alef forms folded,
-- NFKC), which triggers could not do. Combining marks (M*) count as letters so a word
-- with harakat stays one token, and the raw text that snippet()/highlight() re-read from
-- `messages` lines up token for token with the normalised text that was indexed.
--
-- Messages: external content, so snippets show the message as written.
-- Never run 'rebuild' on it: that would index raw, unnormalised text.
CREATE VIRTUAL TABLE `messages_fts` USING fts5(
	`content`,
	content='messages',
	content_rowid='row_id',
	tokenize="unicode61 remove_diacritics 2 categories 'L* N* Co M*'"
);
--> statement-breakpoint
-- Contacts: contentless (results are shown from `contacts`, no snippets needed), with
-- deletes allowed so a changed or removed contact can be re-indexed by rowid (= contacts.id).
CREATE VIRTUAL TABLE `contacts_fts` USING fts5(
	`name`,
	`email`,
	`phone`,
	content='',
	contentless_delete=1,
	tokenize="unicode61 remove_diacritics 2 categories 'L* N* Co M*'"
);
