-- M0006_SearchSpeed (PostgreSQL): see docs/decisions/0022 and 0023.

CREATE INDEX "IX_MediaItems_Language_PublishedAt" ON "MediaItems" ("Language", "PublishedAt");

-- A search tests each candidate's tsvector. Kept compressed in TOAST (the default above ~2 KB) each test fetched and
-- decompressed it (~40 µs); kept inline and uncompressed it is read from the row (~1.5 µs), and pglz saved almost
-- nothing on tsvectors anyway (1.76 GB compressed vs 1.69 GB inline at 1 M items).
ALTER TABLE "MediaSearch" ALTER COLUMN "Document" SET STORAGE EXTERNAL;
ALTER TABLE "MediaSearch" SET (toast_tuple_target = 8160);

-- Facets (month, language, source, provinces) join the words as lexemes with a '#' in front. Every row is written again
-- (and so inline): SearchIndexCatchUp refills the emptied index at start-up.
TRUNCATE "MediaSearch";
