-- M0006_SearchSpeed (SQLite): see docs/decisions/0022 and 0023.

-- A language over a date range, newest first, is read from one index.

CREATE INDEX "IX_MediaItems_Language_PublishedAt" ON "MediaItems" ("Language", "PublishedAt");

-- Facets (month, language, source, provinces) join the words in the index, in their own column that typed text never
-- searches. The rebuilt index is filled at start-up by SearchIndexCatchUp.
DROP TABLE "MediaSearch";
CREATE VIRTUAL TABLE "MediaSearch" USING fts5("Title", "Body", "Facets", content='', tokenize='unicode61 remove_diacritics 2');
