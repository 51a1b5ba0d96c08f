-- M0007_SearchBlocks (PostgreSQL): see docs/decisions/0026.

-- An item's text is compressed when its row passes ~2 KB. pglz took about a tenth of the server's CPU during an import;
-- lz4 compresses about as well at a fraction of the cost. It applies to rows written from now on. A server built
-- without lz4 keeps pglz.
DO $$
BEGIN
    ALTER TABLE "MediaItems" ALTER COLUMN "Text" SET COMPRESSION lz4;
    ALTER TABLE "MediaItems" ALTER COLUMN "Title" SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
    RAISE NOTICE 'lz4 is not available on this server: item text stays compressed with pglz';
END $$;

-- Each index row gains its id block as a lexeme (decision 0026): every row is written again, and
-- SearchIndexCatchUp refills the emptied index at start-up.
TRUNCATE "MediaSearch";
