-- M0006_SearchSpeed (SQLite): a language over a date range, newest first, is read from one index (docs/decisions/0022).

CREATE INDEX "IX_MediaItems_Language_PublishedAt" ON "MediaItems" ("Language", "PublishedAt");
