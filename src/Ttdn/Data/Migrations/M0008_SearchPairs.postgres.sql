-- M0008_SearchPairs (PostgreSQL): an index of neighbouring words for phrase search, kept by the app; see
-- docs/decisions/0028 and Monitoring/Search/SearchPairs.cs.

-- One row per id block (16,384 ids) and pair bucket: the offsets within the block of the items that hold a pair of
-- neighbouring words hashing to that bucket. A block is written whole once every id in it is taken; an item that
-- arrives later in a block already written adds rows of its own, so a block and bucket may have more than one row.
CREATE TABLE "MediaSearchPairs" (
    "Block" integer NOT NULL,
    "Bucket" integer NOT NULL,
    "Offsets" smallint[] NOT NULL
);
CREATE INDEX "IX_MediaSearchPairs_Bucket_Block" ON "MediaSearchPairs" ("Bucket", "Block");
-- The rows of common pairs pass 2 KB and get compressed: lz4 where the server has it, as for item text (M0007).
DO $$
BEGIN
    ALTER TABLE "MediaSearchPairs" ALTER COLUMN "Offsets" SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
    RAISE NOTICE 'lz4 is not available on this server: pair rows stay compressed with pglz';
END $$;

-- Every item with an id below "Below" is in "MediaSearchPairs"; a phrase search checks newer items through the
-- tsvector index as before. One row; the app raises it block by block (a rebuilt search index must set it back to 0).
CREATE TABLE "MediaSearchPairsSealed" ("Below" bigint NOT NULL);
INSERT INTO "MediaSearchPairsSealed" VALUES (0);
